"""Undo and redo of a field edit are version-checked like the edit itself (issue 12), through the one undo command.

Alice edits a claim, Bob (another Store on the same database) edits it after her; Alice's Ctrl+Z must not silently
overwrite Bob: she is asked, and Bob's value stays unless she chooses to re-apply.
"""

from __future__ import annotations

import pytest

from workbench.services import claims as claims_svc
from workbench.services import sources as sources_svc
from workbench.services.store import Store


@pytest.fixture
def pair(store, dossier, tmp_path):
    sid = sources_svc.list_all(store, dossier.id)[0].id
    claim = claims_svc.create(store, sid, 0, 8)
    bob = Store.open(str(tmp_path / "ui.sqlite"), user="bob")
    yield store, bob, claim
    bob.close()


def test_window_ctrl_z_after_bob_asks_and_keeps_bob(window, pair, qtbot):
    alice, bob, claim = pair
    window.refresh_all()
    window.select_claim(claim.id)
    window.edit_claim_field(claim.id, "claimant", "Alice")
    claims_svc.update(bob, claim.id, claimant="Bob")
    window.conflict_answer = False  # "keep theirs"
    window.undo.stack.undo()
    assert len(window.conflicts_seen) == 1 and window.conflicts_seen[0].theirs == "Bob"
    assert claims_svc.get(alice, claim.id).claimant == "Bob"
    assert window.undo.stack.count() == 0  # the dropped step left the stack
    assert window.editor.claimant.text() == "Bob"


def test_window_ctrl_z_after_bob_reapplies_when_asked(window, pair):
    alice, bob, claim = pair
    window.refresh_all()
    window.select_claim(claim.id)
    window.edit_claim_field(claim.id, "claimant", "Alice")
    claims_svc.update(bob, claim.id, claimant="Bob")
    window.conflict_answer = True  # "re-apply mine": the undo goes through
    window.undo.stack.undo()
    assert claims_svc.get(alice, claim.id).claimant == ""
    claims_svc.update(bob, claim.id, claimant="Bob again")
    window.conflict_answer = False
    window.undo.stack.redo()  # redo is checked too
    assert len(window.conflicts_seen) == 2
    assert claims_svc.get(alice, claim.id).claimant == "Bob again"


def test_window_undo_redo_without_conflict(window, pair):
    alice, _bob, claim = pair
    window.refresh_all()
    window.select_claim(claim.id)
    window.edit_claim_field(claim.id, "claimant", "Alice")
    window.undo.stack.undo()
    window.undo.stack.redo()
    window.undo.stack.undo()
    assert claims_svc.get(alice, claim.id).claimant == ""
    assert window.conflicts_seen == []


def test_own_edits_of_other_fields_are_not_conflicts(window, pair):
    alice, bob, claim = pair
    window.refresh_all()
    window.select_claim(claim.id)
    window.edit_claim_field(claim.id, "claimant", "A")
    window.edit_claim_field(claim.id, "rationale", "R")
    window.undo.stack.undo()
    window.undo.stack.undo()  # the version moved because of Alice's own steps: no conflict
    got = claims_svc.get(alice, claim.id)
    assert (got.claimant, got.rationale) == ("", "") and window.conflicts_seen == []
    window.undo.stack.redo()
    claims_svc.update(bob, claim.id, rationale="Bob")
    window.conflict_answer = False
    window.undo.stack.undo()  # Bob's change in between is one
    assert len(window.conflicts_seen) == 1
    assert claims_svc.get(alice, claim.id).claimant == "A"


def test_first_edit_conflict_keeps_theirs_and_never_enters_the_stack(window, pair):
    alice, bob, claim = pair
    window.refresh_all()
    window.select_claim(claim.id)  # the editor shows version 1
    claims_svc.update(bob, claim.id, claimant="Bob")
    window.conflict_answer = False
    window.edit_claim_field(claim.id, "claimant", "Alice")
    assert claims_svc.get(alice, claim.id).claimant == "Bob"
    assert window.undo.stack.count() == 0
    assert window.editor.claimant.text() == "Bob"
