"""Original French demo content for moderation (written for Causerie).

Loaded by `manage.py load_demo` after the billets: a co-opted moderator per
community, comments that members flag, decisions in the public log and one
appeal waiting for review. Comments are posted when the demo is loaded so that
they stay inside the flag window.
"""

CO_MODERATORS = {"brassage": "bruno", "velo": "hugo", "jardins": "maelle"}

# Members below this list keep trust level 2 ("habitué"); these get another level.
TRUST_LEVELS = {"nathan": 1, "rose": 1, "ines": 0, "amelie": 3, "chloe": 3, "elise": 3}

CASES = [
    {
        # Flagged by three members citing rule 1: hidden pending review, decided
        # "hide" by the founder, appealed by its author: an appeal waits.
        "community": "velo",
        "post": "Trottinettes sur les pistes : et si on arrêtait de s'énerver ?",
        "author": "samir",
        "body": "Franchement, ceux qui roulent en trottinette sur la piste sont des "
        "abrutis finis. Qu'ils restent sur le trottoir avec leurs engins.",
        "flags": [
            ("djamel", 1, ""),
            ("pierre_y", 1, "Insultant pour tout un groupe."),
            ("maelle", 1, ""),
        ],
        "decision": {
            "moderator": "chloe",
            "action": "hide",
            "rule": 1,
            "explanation": "Le désaccord est bienvenu, les insultes non : reformulez "
            "sans viser les personnes et le commentaire pourra revenir.",
        },
        "appeal": "Je parlais des comportements, pas des gens. J'ai peut-être été vif "
        "mais c'est un vrai problème de sécurité sur la piste du quai.",
    },
    {
        # Flagged as spam, decided "keep": the flags were not upheld.
        "community": "brassage",
        "post": "Les houblons néo-zélandais ? Beaucoup de bruit pour le prix",
        "author": "oceane",
        "body": "Pour comparer, j'ai relevé les prix de trois boutiques en ligne dans "
        "un tableau : https://example.org/prix-houblons — chacun peut le compléter.",
        "flags": [("rose", None, "spam")],
        "decision": {
            "moderator": "amelie",
            "action": "keep",
            "reason": "spam",
            "explanation": "Un tableau partagé et ouvert à tous n'est pas de la "
            "publicité : le commentaire reste.",
        },
    },
    {
        # Flagged twice citing rule 3: still waiting in the queue.
        "community": "jardins",
        "post": "Des poules au jardin partagé : bonne ou mauvaise idée ?",
        "author": "lucien",
        "body": "Mon neveu vend des poulaillers en kit à prix d'ami, écrivez-moi en "
        "privé et je vous fais une remise de 20 %.",
        "flags": [("karine", 3, "Promotion non déclarée."), ("gaelle", None, "spam")],
    },
    {
        # Warned: visible again, the author sees the warning on their page.
        "community": "brassage",
        "post": "Arrêtons de courir après les degrés",
        "author": "samir",
        "body": "Encore un billet moralisateur. Si on t'écoutait on boirait de l'eau.",
        "flags": [("jules", 1, ""), ("francois", 1, "")],
        "decision": {
            "moderator": "bruno",
            "action": "warn",
            "rule": 1,
            "explanation": "Répondez au billet, pas à son auteur.",
        },
    },
]
