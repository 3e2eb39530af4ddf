"""``claim_values`` reads many claims of one dossier by its id (not 2,000 bound ids): same values as one by one."""

from __future__ import annotations

from tests.sample_world import TEXT, bundle
from workbench.core.values import NewClaim
from workbench.services import claims as claims_svc
from workbench.services import dossiers, sources


def test_a_whole_dossier_reads_like_each_claim_alone(world):
    store, d, source = world.store, world.dossier, world.source
    other = dossiers.create(store, "Other dossier")  # its claims must not leak into the first dossier's values
    other_source = sources.add(store, other.id, bundle(TEXT + " autre", name="autre.txt")).source
    claims_svc.create_many(store, other.id, [NewClaim({"statement": "elsewhere", "tags": ["x"]},
                                                      ((other_source.id, 0, 10),))])
    items = [NewClaim({"statement": f"claim {i}", "tags": [f"t{i % 3}"] if i % 2 else []},
                      ((source.id, i % 40, i % 40 + 12),),
                      (("supports", source.id, 50, 60, "note"),) if i % 5 == 0 else ())
             for i in range(230)]
    ids = claims_svc.create_many(store, d.id, items)
    claims_svc.delete(store, "claim", ids[7])

    listed = claims_svc.list_claims(store, d.id)  # more than 200 claims of one dossier: the dossier path
    assert [c.id for c in listed] == [i for i in ids if i != ids[7]]
    assert listed == [claims_svc.get(store, c.id) for c in listed]  # one by one: the id path
    assert listed[1].tags == ("t1",) and listed[0].evidence and listed[0].evidence[0].stance.value == "supports"
    assert all(len(c.appearances) == 1 and c.appearances[0].span.source_id == source.id for c in listed)
    text = sources.text(store, source.id)
    for claim in listed:  # each span as stored: its quote and the context on either side
        span = claim.appearances[0].span
        assert span.exact == text[span.start:span.end] and span.state.value == "anchored"
        assert text[:span.start].endswith(span.prefix) and text[span.end:].startswith(span.suffix)

    some = ids[10:225]  # a filtered subset of one dossier: only those claims, each with its own values
    subset = claims_svc.list_claims(store, d.id, claim_ids=some)
    assert [c.id for c in subset] == some
    assert subset == [c for c in listed if c.id in set(some)]
