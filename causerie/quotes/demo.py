"""Demo content of the quotes app, in the "brassage" community: a verified
quote with the quoted member's reply, and one whose source was modified since.
Idempotent and incremental: loaded by `manage.py load_demo` through
DEMO_EXTENSIONS."""

from datetime import timedelta

from causerie.core.markdown import source_text
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Post
from causerie.quotes import markup, services
from causerie.quotes.models import Quote, QuoteReply

EXTRACT_TITLE = "Le kit d'extrait n'a pas à rougir devant le tout-grain"
EXTRACT_PASSAGE = (
    "Le malt, qu'il arrive en grains ou en sirop, est rarement le maillon faible."
)
EXTRACT_COMMENT = (
    "Donc le malt ne compte pas ? J'ai goûté assez de bières au malt rance "
    "pour ne pas être d'accord."
)
EXTRACT_REPLY = (
    "Je parlais de sa forme, grains ou sirop, pas de sa fraîcheur : la phrase "
    "d'avant dit bien qu'une bonne bière demande d'abord une fermentation "
    "propre. Un malt rance gâche tout, extrait ou pas."
)
HOPS_TITLE = "Les houblons néo-zélandais ? Beaucoup de bruit pour le prix"
HOPS_PASSAGE = "On paie le Nelson Sauvin autour de 9 € les 100 g"
HOPS_COMMENT = (
    "Chez mon fournisseur, c'est plutôt 7 €. Ça reste cher, mais l'écart "
    "avec le Strisselspalt est moins spectaculaire."
)
HOPS_CORRECTED = "On paie le Nelson Sauvin entre 7 et 9 € les 100 g"


def _quote_comment(*, post, author, passage, text, when) -> Comment | None:
    """A comment of `author` quoting `passage` of the billet's first version,
    unless they already did."""
    existing = Quote.objects.filter(
        citing_post=post, citing_comment__author=author, source_comment=None
    ).first()
    if existing is not None:
        return existing.citing_comment
    body = source_text(post.revisions.get(number=1).body)
    start = body.find(passage)
    if start < 0:
        return None
    block = markup.quote_block(
        comment_id=None,
        post_id=post.pk,
        revision=1,
        start=start,
        end=start + len(passage),
        text=passage,
    )
    return publishing_services.post_comment(
        actor=author, post=post, body=f"{block}\n{text}", posted_at=when
    )


def load(*, members, communities, now) -> int:
    community = communities.get("brassage")
    if community is None:
        return 0
    created = 0
    extract = Post.objects.filter(community=community, title=EXTRACT_TITLE).first()
    francois, lucien = members.get("francois"), members.get("lucien")
    if extract is not None and francois is not None and lucien is not None:
        had = Quote.objects.filter(citing_post=extract).count()
        comment = _quote_comment(
            post=extract,
            author=francois,
            passage=EXTRACT_PASSAGE,
            text=EXTRACT_COMMENT,
            when=now - timedelta(days=36),
        )
        created += Quote.objects.filter(citing_post=extract).count() - had
        quote = Quote.objects.filter(citing_comment=comment).first()
        if quote is not None and not QuoteReply.objects.filter(quote=quote).exists():
            services.reply_to_quote(actor=lucien, quote=quote, body=EXTRACT_REPLY)
            created += 1
    hops = Post.objects.filter(community=community, title=HOPS_TITLE).first()
    samir = members.get("samir")
    if hops is not None and samir is not None:
        had = Quote.objects.filter(citing_post=hops).count()
        _quote_comment(
            post=hops,
            author=samir,
            passage=HOPS_PASSAGE,
            text=HOPS_COMMENT,
            when=now - timedelta(days=20),
        )
        created += Quote.objects.filter(citing_post=hops).count() - had
        # The author corrects the price after being quoted: the quote stays,
        # marked "la source a été modifiée depuis".
        if HOPS_PASSAGE in hops.body:
            publishing_services.edit_post(
                actor=hops.author,
                post=hops,
                title=hops.title,
                body=hops.body.replace(HOPS_PASSAGE, HOPS_CORRECTED),
                intent=hops.intent,
                tags=list(hops.tags.all()),
                sponsor_name=hops.sponsor_name,
                sponsor_url=hops.sponsor_url,
            )
            created += 1
        # Handlers run as tasks after commit; the demo shows the status now.
        services.refresh_quotes_of(post_id=hops.pk)
    return created
