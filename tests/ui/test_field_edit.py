"""Undo and redo of a field edit are version-checked like the edit itself (issue 12), without Qt and in the window.

Alice edits a claim, Bob (another Store on the same database) edits it after her; Alice's Ctrl+Z must not silently
overwrite Bob: she is asked, and Bob's value stays unless she chooses to re-apply.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbench.core.errors import ConflictError
from workbench.services import claims as claims_svc
from workbench.services import sources as sources_svc
from workbench.services.store import Store
from workbench.ui.field_edit import FieldEdit


@pytest.fixture
def pair(store, dossier, tmp_path):
    sid = sources_svc.list_all(store, dossier.id)[0].id
    claim = claims_svc.create(store, sid, 0, 8)
    bob = Store.open(str(tmp_path / "ui.sqlite"), user="bob")
    yield store, bob, claim
    bob.close()


def test_field_edit_module_needs_no_qt():
    code = "import sys, workbench.ui.field_edit; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_undo_after_someone_else_edited_raises_conflict(pair):
    alice, bob, claim = pair
    edit = FieldEdit(alice, claim.id, "claimant", "Alice's claimant").apply(claim.version)
    claims_svc.update(bob, claim.id, claimant="Bob's claimant")
    with pytest.raises(ConflictError) as info:
        edit.undo()
    assert info.value.theirs == "Bob's claimant"
    assert claims_svc.get(alice, claim.id).claimant == "Bob's claimant"  # nothing overwritten
    edit.undo(force=True)  # "re-apply mine": the undo goes through
    assert claims_svc.get(alice, claim.id).claimant == ""


def test_redo_is_checked_against_the_version_the_undo_produced(pair):
    alice, bob, claim = pair
    edit = FieldEdit(alice, claim.id, "rationale", "v1").apply(claim.version)
    edit.undo()
    assert claims_svc.get(alice, claim.id).rationale == ""
    claims_svc.update(bob, claim.id, rationale="Bob")
    with pytest.raises(ConflictError):
        edit.redo()
    assert claims_svc.get(alice, claim.id).rationale == "Bob"
    # without anyone in between, undo and redo chain their versions
    edit2 = FieldEdit(alice, claim.id, "claimant", "X").apply(claims_svc.get(alice, claim.id).version)
    edit2.undo()
    edit2.redo()
    edit2.undo()
    assert claims_svc.get(alice, claim.id).claimant == ""


def test_merged_typing_undoes_to_the_first_value_with_the_latest_version(pair):
    alice, _bob, claim = pair
    first = FieldEdit(alice, claim.id, "statement", "Le maire").apply(claim.version)
    second = FieldEdit(alice, claim.id, "statement", "Le maire a dit").apply(first.version)
    first.absorb(second)
    first.undo()  # no conflict: the version is the one the second pause produced
    assert claims_svc.get(alice, claim.id).statement == claim.statement


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


def test_own_edits_of_other_fields_are_not_conflicts(pair):
    alice, bob, claim = pair
    known: dict[int, int] = {}
    first = FieldEdit(alice, claim.id, "claimant", "A", known=known).apply(claim.version)
    second = FieldEdit(alice, claim.id, "rationale", "R", known=known).apply(known[claim.id])
    second.undo()
    first.undo()  # the version moved because of Alice's own steps: no conflict
    assert (claims_svc.get(alice, claim.id).claimant, claims_svc.get(alice, claim.id).rationale) == ("", "")
    first.redo()
    claims_svc.update(bob, claim.id, rationale="Bob")
    with pytest.raises(ConflictError):
        first.undo()  # Bob's change in between is one
