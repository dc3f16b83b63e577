"""The standing computation, pure: arrays in, arrays out (no database).

docs/recognition.md explains the method; in short, per community and per
domain (tag), a personalised-PageRank fixed point over the recognition graph:

    mass = (1 - damping) * seed + damping * P^T mass

where P[r, a] is what recogniser r passes to author a: their recognitions of a
with diminishing returns (1 + log c for c recognitions), divided by r's total
(at least OUT_FLOOR, so that an account recognising a single member cannot
hand over all its weight), times the recogniser's age at the time (new
accounts weigh little) and a ring damping for edges inside suspicious
clusters. The seed is each member's weight as a recogniser (account age and,
in a domain, their community-wide standing) plus the anonymous votes their
items received (a low, per-item diminishing weight). Score divides the mass
by the member's contributions to a power, so volume by itself earns nothing.

Every aggregation sorts or sums, so the result does not depend on the order
the inputs were given in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

DAY = 86400.0


@dataclass(frozen=True)
class Parameters:
    damping: float = 0.85
    iterations: int = 60
    tolerance: float = 1e-10
    # An account recognising fewer than this many members passes only a share.
    out_floor: float = 1.0
    # Weight of a recognition by its kind (accepted answer, useful).
    accepted_weight: float = 1.0
    useful_weight: float = 1.0
    # Recogniser's weight by account age at the time (days): ramps from
    # new_weight to 1 over new_days.
    new_weight: float = 0.3
    new_days: float = 60.0
    # Anonymous votes: weight per item of log2(1 + up) - down_factor * down.
    # Chosen on the development set only (causerie/standing/tuning.py).
    anonymous_weight: float = 0.2
    down_factor: float = 0.5
    # Seed of the community-wide domain: base weight of every member.
    base_seed: float = 1.0
    # Seed of a tag domain: base + community_share * community-wide standing.
    community_share: float = 3.0
    # score = mass / (contributions + contribution_prior) ** volume_exponent
    contribution_prior: float = 3.0
    # 0.75 chosen on the development set only (causerie/standing/tuning.py).
    volume_exponent: float = 0.75
    # Ring resistance.
    ring_min_size: int = 3
    ring_internal_share: float = 0.5
    ring_closed_share: float = 0.8
    ring_created_days: float = 30.0
    ring_new_share: float = 0.5
    ring_damping: float = 0.05


@dataclass
class Inputs:
    """A community's recognition data. Members, items and domains are dense
    indexes 0..n-1 (the caller keeps the mapping to ids). Domain 0 is the
    community as a whole: callers give tag domains as 1..n_domains-1, and
    every item and recognition counts in domain 0 too."""

    n_members: int
    n_domains: int
    joined_at: np.ndarray  # float seconds, per member
    item_author: np.ndarray  # int, per item
    item_owner: np.ndarray  # int, per item: the author of the thread it is in
    item_tag_item: np.ndarray  # int, (item, tag domain) pairs
    item_tag_domain: np.ndarray
    rec_recogniser: np.ndarray  # int, per recognition
    rec_item: np.ndarray
    rec_at: np.ndarray  # float seconds
    rec_domain: np.ndarray  # int, the chosen tag domain or -1: the item's tags
    rec_accepted: np.ndarray  # bool
    anon_item: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    anon_up: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))
    anon_down: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))


@dataclass
class Result:
    """Per (member, domain) pair with any contribution or recognition."""

    member: np.ndarray
    domain: np.ndarray
    mass: np.ndarray
    score: np.ndarray  # relative, 1.0 = the highest in the domain
    per_contribution: np.ndarray  # relative, 1.0 = the highest in the domain
    contributions: np.ndarray
    recognitions: np.ndarray
    recognisers: np.ndarray
    recognised_recognisers: np.ndarray
    scales: dict  # domain -> max mass (mass / scale = relative mass)
    clusters: list  # [(member indexes, reasons, internal share)]
    damped_members: np.ndarray  # bool per member

    def column(self, domain: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """(members, scores) in domain, as arrays."""
        mask = self.domain == domain
        return self.member[mask], self.score[mask]


def _empty_int():
    return np.zeros(0, np.int64)


def expand_recognitions(data: Inputs):
    """One row per (recognition, domain): domain 0, then the chosen tag or else
    each of the item's tags."""
    n_rec = len(data.rec_item)
    index = np.arange(n_rec)
    chosen = data.rec_domain >= 0
    rows = [index, index[chosen]]
    domains = [np.zeros(n_rec, np.int64), data.rec_domain[chosen]]
    if len(data.item_tag_item):
        order = np.argsort(data.item_tag_item, kind="stable")
        tag_items = data.item_tag_item[order]
        tag_domains = data.item_tag_domain[order]
        unchosen = index[~chosen]
        items = data.rec_item[unchosen]
        start = np.searchsorted(tag_items, items, side="left")
        stop = np.searchsorted(tag_items, items, side="right")
        counts = stop - start
        rep = np.repeat(unchosen, counts)
        offsets = np.repeat(start - np.cumsum(counts) + counts, counts) + np.arange(
            counts.sum()
        )
        rows.append(rep)
        domains.append(tag_domains[offsets])
    return np.concatenate(rows), np.concatenate(domains).astype(np.int64)


def _item_domains(data: Inputs):
    """(item, domain) pairs: every item in domain 0 and in each of its tags."""
    n_items = len(data.item_author)
    items = np.concatenate([np.arange(n_items), data.item_tag_item]).astype(np.int64)
    domains = np.concatenate(
        [np.zeros(n_items, np.int64), data.item_tag_domain]
    ).astype(np.int64)
    return items, domains


def age_weight(age_days: np.ndarray, params: Parameters) -> np.ndarray:
    ramp = np.clip(age_days / params.new_days, 0.0, 1.0)
    return params.new_weight + (1.0 - params.new_weight) * ramp


def detect_rings(data: Inputs, params: Parameters):
    """Groups of at least ring_min_size members linked by mutual recognition,
    most of whose received recognition comes from inside the group, and whose
    accounts were created close together or whose recognisers were mostly new
    accounts. Returns (clusters, member -> cluster id or -1)."""
    n = data.n_members
    owner = np.full(n, -1, np.int64)
    if not len(data.rec_item):
        return [], owner
    src = data.rec_recogniser
    dst = data.item_author[data.rec_item]
    keep = src != dst
    src, dst, at = src[keep], dst[keep], data.rec_at[keep]
    pairs = sparse.coo_matrix((np.ones(len(src)), (src, dst)), shape=(n, n)).tocsr()
    pairs.sum_duplicates()
    mutual = pairs.minimum(pairs.T)
    mutual.eliminate_zeros()
    if not mutual.nnz:
        return [], owner
    n_comp, labels = csgraph.connected_components(mutual, directed=False)
    sizes = np.bincount(labels, minlength=n_comp)
    in_mutual = np.zeros(n, bool)
    in_mutual[mutual.nonzero()[0]] = True
    clusters = []
    received = np.bincount(dst, minlength=n).astype(float)
    for comp in np.flatnonzero(sizes >= params.ring_min_size):
        members = np.flatnonzero((labels == comp) & in_mutual)
        if len(members) < params.ring_min_size:
            continue
        member_set = np.zeros(n, bool)
        member_set[members] = True
        incoming = member_set[dst]
        internal = incoming & member_set[src]
        total = received[members].sum()
        share = internal.sum() / total if total else 0.0
        if share < params.ring_internal_share:
            continue
        reasons = ["mutual"]
        joined = np.sort(data.joined_at[members])
        if (joined[-1] - joined[0]) / DAY <= params.ring_created_days:
            reasons.append("created_together")
        ages = (at[incoming] - data.joined_at[src[incoming]]) / DAY
        if len(ages) and np.mean(ages < params.new_days) >= params.ring_new_share:
            reasons.append("new_recognisers")
        # Created together alone could be a community's founding core: it
        # needs a nearly closed group; new recognisers suffice with a majority.
        if "new_recognisers" not in reasons and not (
            "created_together" in reasons and share >= params.ring_closed_share
        ):
            continue
        cluster_id = len(clusters)
        owner[members] = cluster_id
        clusters.append((members, reasons, float(share)))
    return clusters, owner


def _solve(matrix, seed, params: Parameters):
    """mass = (1 - d) seed + d * matrix^T mass, by power iteration."""
    transposed = matrix.T.tocsr()
    mass = seed.copy()
    for _ in range(params.iterations):
        updated = (1.0 - params.damping) * seed + params.damping * (transposed @ mass)
        if np.abs(updated - mass).sum() <= params.tolerance * max(seed.sum(), 1e-12):
            mass = updated
            break
        mass = updated
    return mass


def compute(data: Inputs, params: Parameters | None = None) -> Result:
    params = params or Parameters()
    n, n_dom = data.n_members, max(data.n_domains, 1)
    clusters, ring_of = detect_rings(data, params)

    # Nodes are (member, domain) pairs: key = domain * n + member.
    item_of_pair, domain_of_pair = _item_domains(data)
    contrib_keys = domain_of_pair * n + data.item_author[item_of_pair]
    rec_row, rec_dom = expand_recognitions(data)
    rec_src = data.rec_recogniser[rec_row]
    rec_dst = data.item_author[data.rec_item[rec_row]]
    valid = rec_src != rec_dst
    rec_row, rec_dom, rec_src, rec_dst = (
        rec_row[valid],
        rec_dom[valid],
        rec_src[valid],
        rec_dst[valid],
    )
    src_keys = rec_dom * n + rec_src
    dst_keys = rec_dom * n + rec_dst

    # Anonymous votes, per item: log2(1 + up) - down_factor * log2(1 + down).
    n_items = len(data.item_author)
    up = np.bincount(data.anon_item, weights=data.anon_up, minlength=n_items)
    down = np.bincount(data.anon_item, weights=data.anon_down, minlength=n_items)
    anonymous = np.log2(1.0 + up) - params.down_factor * np.log2(1.0 + down)
    anonymous = np.maximum(anonymous, 0.0)
    # Votes on items inside a suspicious cluster's own threads are damped too:
    # they are most likely the cluster voting for itself.
    author_ring = ring_of[data.item_author]
    same_ring = (author_ring >= 0) & (author_ring == ring_of[data.item_owner])
    anonymous = np.where(same_ring, anonymous * params.ring_damping, anonymous)
    anon_keys = contrib_keys
    anon_values = anonymous[item_of_pair]

    keys = np.unique(np.concatenate([contrib_keys, src_keys, dst_keys]))
    node_src = np.searchsorted(keys, src_keys)
    node_dst = np.searchsorted(keys, dst_keys)
    n_nodes = len(keys)
    node_member = keys % n
    node_domain = keys // n

    # Edge weights with diminishing returns for repeated recognitions.
    kind = np.where(
        data.rec_accepted[rec_row], params.accepted_weight, params.useful_weight
    )
    age = age_weight((data.rec_at[rec_row] - data.joined_at[rec_src]) / DAY, params)
    damp = np.where(
        (ring_of[rec_src] >= 0) & (ring_of[rec_src] == ring_of[rec_dst]),
        params.ring_damping,
        1.0,
    )
    pair = sparse.coo_matrix(
        (np.ones(len(node_src)), (node_src, node_dst)), shape=(n_nodes, n_nodes)
    ).tocsr()
    pair.sum_duplicates()
    weighted = sparse.coo_matrix(
        (kind * age * damp, (node_src, node_dst)), shape=(n_nodes, n_nodes)
    ).tocsr()
    weighted.sum_duplicates()
    # Mean weight per recognition times 1 + log(count): many recognitions of
    # the same member by the same recogniser have diminishing returns.
    counts = pair.data
    mean_weight = weighted.data / counts
    edge = pair.copy()
    edge.data = mean_weight * (1.0 + np.log(counts))
    undamped = pair.copy()
    undamped.data = 1.0 + np.log(counts)
    out_total = np.asarray(undamped.sum(axis=1)).ravel()
    out_norm = np.maximum(out_total, params.out_floor)
    transition = sparse.diags(1.0 / out_norm) @ edge

    anon_by_node = np.bincount(
        np.searchsorted(keys, anon_keys), weights=anon_values, minlength=n_nodes
    )
    seed_age = age_weight(np.full(n, params.new_days), params)  # 1.0 by default
    # Community-wide domain first.
    mass = np.zeros(n_nodes)
    global_nodes = node_domain == 0
    index_global = np.flatnonzero(global_nodes)
    seed = np.zeros(n_nodes)
    seed[index_global] = (
        params.base_seed * seed_age[node_member[index_global]]
        + params.anonymous_weight * anon_by_node[index_global]
    )
    members_damped = ring_of >= 0
    seed[index_global] *= np.where(
        members_damped[node_member[index_global]], params.ring_damping, 1.0
    )
    sub = transition[index_global][:, index_global]
    mass[index_global] = _solve(sub, seed[index_global], params)
    global_mass = np.zeros(n)
    global_mass[node_member[index_global]] = mass[index_global]
    global_scale = global_mass.max() if n else 0.0
    relative_global = global_mass / global_scale if global_scale > 0 else global_mass

    # Tag domains together (the block-diagonal matrix keeps them apart).
    index_tags = np.flatnonzero(~global_nodes)
    if len(index_tags):
        tag_members = node_member[index_tags]
        tag_seed = (
            params.base_seed + params.community_share * relative_global[tag_members]
        ) * 0.1 + params.anonymous_weight * anon_by_node[index_tags]
        tag_seed *= np.where(members_damped[tag_members], params.ring_damping, 1.0)
        sub = transition[index_tags][:, index_tags]
        mass[index_tags] = _solve(sub, tag_seed, params)

    # Counts explaining the standing.
    contributions = np.bincount(
        np.searchsorted(keys, contrib_keys), minlength=n_nodes
    ).astype(np.int64)
    recognitions = np.bincount(node_dst, minlength=n_nodes).astype(np.int64)
    distinct = pair.tocoo()
    recognisers = np.bincount(distinct.col, minlength=n_nodes).astype(np.int64)
    is_recognised = recognisers > 0
    recognised_recognisers = np.bincount(
        distinct.col, weights=is_recognised[distinct.row], minlength=n_nodes
    ).astype(np.int64)

    score = mass / (contributions + params.contribution_prior) ** params.volume_exponent
    per_contribution = mass / (contributions + params.contribution_prior)
    # Only recognition counts: members nobody recognised (not even anonymously)
    # have no standing, whatever their volume.
    has_signal = (recognitions > 0) | (anon_by_node > 0)
    score = np.where(has_signal, score, 0.0)
    per_contribution = np.where(has_signal, per_contribution, 0.0)

    relative_score = np.zeros(n_nodes)
    relative_rate = np.zeros(n_nodes)
    scales = {}
    for values, out in ((score, relative_score), (per_contribution, relative_rate)):
        top = np.zeros(n_dom + 1)
        np.maximum.at(top, node_domain, values)
        divisor = np.where(top[node_domain] > 0, top[node_domain], 1.0)
        out[:] = values / divisor
    top_mass = np.zeros(n_dom + 1)
    np.maximum.at(top_mass, node_domain, mass)
    for domain in np.unique(node_domain):
        scales[int(domain)] = float(top_mass[domain])

    return Result(
        member=node_member,
        domain=node_domain,
        mass=mass,
        score=relative_score,
        per_contribution=relative_rate,
        contributions=contributions,
        recognitions=recognitions,
        recognisers=recognisers,
        recognised_recognisers=recognised_recognisers,
        scales=scales,
        clusters=clusters,
        damped_members=members_damped,
    )


# Contribution profiles (docs/recognition.md, "Contribution profiles").
EXPERT = "expert"
SPECIALIST = "specialist"
DISCREET = "discreet"
NEWCOMER = "new"


@dataclass(frozen=True)
class ProfileRules:
    min_recognisers: int = 3
    expert_top_share: float = 0.2  # top 20% of recognition received
    expert_min_recognised_recognisers: int = 2
    discreet_max_contributions: int = 10
    discreet_top_share: float = 0.25  # top quarter of recognition per contribution
    specialist_max_domains: int = 3
    specialist_top_share: float = 0.10  # top 10% in one of their domains
    loud_min_contributions: int = 20
    loud_bottom_share: float = 0.25  # bottom 25% of recognition per contribution
    loud_max_rate: float = 0.15  # and under 15% of the best rate


def profiles(result: Result, n_members: int, rules: ProfileRules | None = None):
    """(kind per member, loud flag per member) from a computed result."""
    rules = rules or ProfileRules()
    kinds = np.full(n_members, NEWCOMER, dtype=object)
    loud = np.zeros(n_members, bool)
    overall = result.domain == 0
    members = result.member[overall]
    score = result.score[overall]
    mass = result.mass[overall]
    rate = result.per_contribution[overall]
    contributions = result.contributions[overall]
    recognisers = result.recognisers[overall]
    recognised_recognisers = result.recognised_recognisers[overall]
    eligible = (recognisers >= rules.min_recognisers) & ~result.damped_members[members]

    def threshold(values, mask, share):
        if not mask.any():
            return np.inf
        return np.quantile(values[mask], 1.0 - share)

    active = score > 0
    # Recognised experts: the most recognition received in total (mass).
    mass_cut = threshold(mass, active, rules.expert_top_share)
    rate_cut = threshold(rate, active, rules.discreet_top_share)

    # Specialists: top of a domain in at most a few domains.
    tags = ~overall & (result.score > 0)
    strong_domains = np.zeros(n_members, np.int64)
    if tags.any():
        domain_top = np.zeros(int(result.domain.max()) + 1)
        cut = np.zeros_like(domain_top)
        for domain in np.unique(result.domain[tags]):
            values = result.score[tags & (result.domain == domain)]
            cut[domain] = np.quantile(values, 1.0 - rules.specialist_top_share)
            domain_top[domain] = values.max()
        strong = (
            tags
            & (result.recognisers >= rules.min_recognisers)
            & (result.score >= cut[result.domain])
        )
        np.add.at(strong_domains, result.member[strong], 1)

    for index, member in enumerate(members):
        if not eligible[index]:
            continue
        if (
            contributions[index] <= rules.discreet_max_contributions
            and rate[index] >= rate_cut
        ):
            kinds[member] = DISCREET
        elif (
            mass[index] >= mass_cut
            and recognised_recognisers[index] >= rules.expert_min_recognised_recognisers
        ):
            kinds[member] = EXPERT
        elif 1 <= strong_domains[member] <= rules.specialist_max_domains:
            kinds[member] = SPECIALIST
    loud_cut = np.quantile(rate[active], rules.loud_bottom_share) if active.any() else 0
    loud_cut = min(loud_cut, rules.loud_max_rate)
    loud_members = members[
        (contributions >= rules.loud_min_contributions) & (rate <= loud_cut)
    ]
    loud[loud_members] = True
    return kinds, loud
