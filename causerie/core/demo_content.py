"""Original French demo content loaded by `manage.py load_demo` (written for Causerie; free to reuse)."""

# The fictional town is Villebrune, on the banks of the (equally fictional) Brune river.

MEMBERS = [
    {"handle": "amelie", "display_name": "Amélie Durand", "email": "amelie@demo.causerie.test",
     "bio": "Brasseuse amateur depuis huit ans, j'anime des ateliers d'initiation à Villebrune. Faible pour les saisons belges et les bières de table légères.",
     "links": ["https://example.org/amelie-brasse"], "language": "fr"},
    {"handle": "bruno", "display_name": "Bruno Lefèvre", "email": "bruno@demo.causerie.test",
     "bio": "Comptable en semaine, brasseur et cycliste le week-end. Je tiens un tableur pour absolument tout.",
     "links": [], "language": "fr"},
    {"handle": "chloe", "display_name": "Chloé Martin", "email": "chloe@demo.causerie.test",
     "bio": "Cycliste au quotidien, je milite pour des rues plus calmes à Villebrune. Mon vélo a un panier en osier et j'en suis fière.",
     "links": ["https://example.org/chloe-a-velo"], "language": "fr"},
    {"handle": "djamel", "display_name": "Djamel Haddad", "email": "djamel@demo.causerie.test",
     "bio": "Ingénieur en hydraulique. Je m'intéresse à la pluie qui tombe sur le jardin autant qu'à celle qui tombe sur mes trajets.",
     "links": [], "language": "fr"},
    {"handle": "elise", "display_name": "Élise Moreau", "email": "elise@demo.causerie.test",
     "bio": "Coordinatrice bénévole du jardin des Glycines. Je crois aux petits gestes répétés et aux grandes tablées après la récolte.",
     "links": ["https://example.org/jardin-des-glycines"], "language": "fr"},
    {"handle": "francois", "display_name": "François Petit", "email": "francois@demo.causerie.test",
     "bio": "Professeur de chimie au lycée Jean-Moulin. Je brasse pour comprendre ce qui se passe dans la cuve, et un peu pour boire le résultat.",
     "links": [], "language": "fr"},
    {"handle": "gaelle", "display_name": "Gaëlle Le Goff", "email": "gaelle@demo.causerie.test",
     "bio": "Bretonne installée au bord de la Brune. Je cultive des tomates anciennes et des levures capricieuses.",
     "links": ["https://example.org/gaelle-potager"], "language": "fr"},
    {"handle": "hugo", "display_name": "Hugo Bernard", "email": "hugo@demo.causerie.test",
     "bio": "Mécanicien bénévole à l'atelier associatif La Rustine. Quand ça grince, je veux savoir pourquoi.",
     "links": ["https://example.org/reparer-sans-pleurer", "https://example.org/la-rustine"], "language": "fr"},
    {"handle": "ines", "display_name": "Inès Carvalho", "email": "ines@demo.causerie.test",
     "bio": "Je m'occupe de la grainothèque de la médiathèque et je ne résiste à aucun sachet de graines.",
     "links": [], "language": "fr"},
    {"handle": "jules", "display_name": "Jules Roux", "email": "jules@demo.causerie.test",
     "bio": "Je lis beaucoup, j'écris peu.",
     "links": [], "language": "fr"},
    {"handle": "karine", "display_name": "Karine Fontaine", "email": "karine@demo.causerie.test",
     "bio": "Maraîchère à la retraite. Je réponds quand je sais, je me tais quand je ne sais pas.",
     "links": [], "language": "fr"},
    {"handle": "lucien", "display_name": "Lucien Garnier", "email": "lucien@demo.causerie.test",
     "bio": "Ancien instituteur, jardinier depuis l'enfance et brasseur depuis la retraite. J'écris sur l'histoire ouvrière de Villebrune.",
     "links": ["https://example.org/lucien-garnier"], "language": "fr"},
    {"handle": "maelle", "display_name": "Maëlle Bonnet", "email": "maelle@demo.causerie.test",
     "bio": "Graphiste, mère de deux enfants transportés en vélo-cargo, jardinière du dimanche.",
     "links": ["https://example.org/cargo-partage"], "language": "fr"},
    {"handle": "nathan", "display_name": "Nathan Girard", "email": "nathan@demo.causerie.test",
     "bio": "Étudiant en urbanisme. Je compte les vélos aux carrefours pour mon mémoire (oui, vraiment).",
     "links": [], "language": "fr"},
    {"handle": "oceane", "display_name": "Océane Lambert", "email": "oceane@demo.causerie.test",
     "bio": "Biologiste de formation, je m'intéresse surtout à la fermentation et à la maîtrise des températures.",
     "links": ["https://example.org/oceane-fermente"], "language": "fr"},
    {"handle": "pierre_y", "display_name": "Pierre-Yves Rousseau", "email": "pierre_y@demo.causerie.test",
     "bio": "Trente ans de trajets à vélo par tous les temps. Peu bavard, mais toujours content de rendre service.",
     "links": [], "language": "fr"},
    {"handle": "rose", "display_name": "Rose Nguyen", "email": "rose@demo.causerie.test",
     "bio": "Cuisinière. Je brasse des bières pour accompagner mes plats et je cultive les herbes qui vont avec.",
     "links": ["https://example.org/cuisine-de-rose"], "language": "fr"},
    {"handle": "samir", "display_name": "Samir Benali", "email": "samir@demo.causerie.test",
     "bio": "Technicien de maintenance et bricoleur invétéré. Je brasse dans mon garage et je roule en vélo électrique.",
     "links": [], "language": "fr"},
]

COMMUNITIES = [
    {
        "slug": "brassage",
        "name": "Brassage amateur",
        "language": "fr",
        "description": """\
Un espace pour celles et ceux qui brassent leur bière à la maison, du premier kit au tout-grain le plus pointu.

On y partage des recettes **chiffrées**, des comptes rendus de brassage (réussis ou ratés), des astuces de matériel et des questions de débutants. Aucune question n'est trop simple.

- brassages collectifs un samedi par mois à la Maison des associations, rue Voltaire ;
- pas de vente d'alcool entre membres ;
- les contenus promotionnels et sponsorisés sont signalés comme tels.

À consommer avec modération, évidemment.
""",
        "founder": "amelie",
        "moderators": [],
        "members": ["amelie", "bruno", "francois", "gaelle", "jules", "lucien", "oceane", "rose", "samir"],
        "tags": [
            ("houblon", "Variétés, dosages et moments d'ajout."),
            ("levures", "Choix des souches, starters, récolte et réutilisation."),
            ("recettes", "Recettes complètes avec quantités et températures."),
            ("fermentation", "Températures, durées, défauts et comment les éviter."),
            ("embouteillage", "Resucrage, carbonatation, bouteilles et fûts."),
            ("conseils", "Questions de débutants, matériel et bonnes pratiques."),
        ],
    },
    {
        "slug": "velo",
        "name": "Vélo en ville",
        "language": "fr",
        "description": """\
Se déplacer à vélo dans Villebrune : itinéraires, pistes cyclables, stationnement, entretien et balades du dimanche.

Le groupe est ouvert à toutes les pratiques, du vélo de course au vélo-cargo chargé de courses et d'enfants. On y échange des informations utiles, on y débat des aménagements, et on s'y entraide.

Nous restons courtois, y compris envers les automobilistes et les piétons : on partage la rue.
""",
        "founder": "chloe",
        "moderators": [],
        "members": ["chloe", "bruno", "djamel", "hugo", "jules", "maelle", "nathan", "pierre_y", "samir"],
        "tags": [
            ("pistes", "Aménagements cyclables, travaux et points noirs."),
            ("entretien", "Réparations, réglages et atelier associatif."),
            ("stationnement", "Arceaux, parkings sécurisés et antivols."),
            ("cargo", "Vélos-cargos, remorques et transport d'enfants."),
            ("hiver", "Rouler sous la pluie, dans le froid et la nuit."),
            ("balades", "Sorties collectives et itinéraires de loisir."),
        ],
    },
    {
        "slug": "jardins",
        "name": "Jardins partagés",
        "language": "fr",
        "description": """\
Le groupe des jardiniers du **jardin des Glycines** (14, rue des Lilas) et de tous ceux qui cultivent un bout de terre à Villebrune.

Semis, compost, arrosage, paillage, échanges de graines, outils à prêter : on y parle de tout ce qui pousse, et de tout ce qui aide à faire pousser sans produits de synthèse.

Permanence au jardin le samedi de 10 h à 12 h. Les nouveaux venus sont les bienvenus, même sans parcelle.
""",
        "founder": "elise",
        "moderators": [],
        "members": ["elise", "djamel", "gaelle", "ines", "karine", "lucien", "maelle", "rose"],
        "tags": [
            ("semis", "Calendriers, godets, repiquage et plantation."),
            ("compost", "Bacs, proportions, retournement et usages."),
            ("arrosage", "Économiser l'eau, récupérer la pluie, pailler."),
            ("permaculture", "Sol vivant, associations de cultures, non-travail du sol."),
            ("outils", "Cabanon, prêt de matériel, entretien des outils."),
            ("graines", "Grainothèque, trocs et variétés anciennes."),
            ("rencontres", "Chantiers collectifs, fêtes et présentations."),
        ],
    },
]

POSTS = [
    # ------------------------------------------------------------------ brassage
    {
        "community": "brassage", "author": "amelie",
        "title": "Bienvenue ! Comment fonctionne ce groupe",
        "body": """\
Bienvenue dans **Brassage amateur**, le coin de Causerie où l'on parle malt, houblon et levure sans se prendre trop au sérieux.

Quelques principes pour que tout le monde s'y retrouve :

- **Partagez vos recettes avec les quantités** : poids, volumes, températures, durées. Une recette sans chiffres, c'est une anecdote.
- **Racontez vos ratés** autant que vos réussites. On apprend davantage d'une bouteille qui explose que d'une bière parfaite.
- **Pas de vente d'alcool** entre membres. Les échanges de bouteilles pour dégustation, oui ; le commerce, non.
- Si vous parlez de votre propre atelier, boutique ou blog, dites-le. Un contenu payé par une marque doit être marqué comme sponsorisé et nommer qui paie.

Les brassages collectifs ont lieu en général un samedi par mois à la Maison des associations, rue Voltaire. Les dates sont annoncées ici au moins deux semaines à l'avance.

Et surtout : buvez avec modération, le palais vous remerciera.
""",
        "intent": "information", "sponsor": "", "tags": ["conseils"],
        "age_days": 58, "pinned": True, "edits": [],
        "comments": [
            {"author": "bruno", "age_days": 57,
             "body": "Merci @amelie. Je propose qu'on indique aussi la densité initiale et la densité finale quand on les a : ça aide énormément à comparer les recettes.",
             "replies": [
                 {"author": "amelie", "age_days": 57,
                  "body": "Bonne idée, je l'ajoute à la prochaine version des règles. Même approximative, une densité vaut mieux que rien.",
                  "replies": []},
             ]},
            {"author": "jules", "age_days": 50,
             "body": "Juste un mot pour dire que ce groupe est l'un des rares endroits où je lis tous les messages.",
             "replies": []},
        ],
    },
    {
        "community": "brassage", "author": "amelie",
        "title": "Compte rendu de notre tout premier brassage collectif",
        "body": """\
Samedi, nous étions onze dans la petite salle du rez-de-chaussée de la Maison des associations, qui vient tout juste de rouvrir après ses travaux de rénovation. Merci à la mairie de nous l'avoir prêtée gratuitement pour cette première.

Nous avons brassé 20 litres d'une pale ale volontairement simple :

- 4 kg de malt pâle et 200 g de malt Crystal ;
- 60 g de Cascade en trois ajouts ;
- un sachet de levure sèche.

Côté budget, le malt nous a coûté 1,70 € le kilo au Comptoir du Brasseur, qui vient d'ouvrir rue du Moulin-Neuf. Le tout revient à moins de 15 € pour les ingrédients.

Nous n'avions pas de refroidisseur : nous avons plongé la cuve dans un bac d'eau froide qu'il a fallu changer quatre fois. Il a fallu presque deux heures pour descendre à 20 °C. C'est clairement le premier achat à prévoir.

Je crée ce groupe sur Causerie pour garder une trace de nos essais et préparer la prochaine session, dans un mois. Si vous avez un deuxième fermenteur ou un thermomètre fiable à prêter, faites-vous connaître !
""",
        "intent": "information", "sponsor": "", "tags": ["recettes", "conseils"],
        "age_days": 1200, "pinned": False, "edits": [],
        "comments": [
            {"author": "francois", "age_days": 1199,
             "body": "Merci pour ce compte rendu ! Pour le refroidissement, je peux fabriquer un serpentin avec 10 mètres de tube de cuivre. Compte une quarantaine d'euros de matériel.",
             "replies": [
                 {"author": "amelie", "age_days": 1199,
                  "body": "Vendu ! On fera passer une cagnotte à la prochaine session.",
                  "replies": []},
             ]},
            {"author": "lucien", "age_days": 1186,
             "body": "Première bouteille goûtée hier soir : un peu trouble, mais franchement agréable, avec une belle amertume. Pour un coup d'essai, chapeau à toute l'équipe.",
             "replies": []},
        ],
    },
    {
        "community": "brassage", "author": "francois",
        "title": "Recette : pale ale au Cascade pour 20 litres",
        "body": """\
Voici la recette que j'ai brassée trois fois ces derniers mois, avec des résultats assez constants. Elle convient bien à un premier tout-grain.

## Ingrédients (20 litres en fermenteur)

| Ingrédient | Quantité | Moment |
|---|---|---|
| Malt pâle | 4,2 kg | empâtage |
| Malt Crystal 60 | 250 g | empâtage |
| Cascade | 25 g | 60 min |
| Cascade | 30 g | 10 min |
| Cascade | 40 g | hors du feu |
| Levure US-05 | 1 sachet | 18 °C |

## Déroulé

1. Empâtage à 66 °C pendant 60 minutes, avec 14 litres d'eau.
2. Rinçage avec 12 litres à 76 °C.
3. Ébullition de 60 minutes.
4. Refroidissement à 18 °C, puis deux semaines de fermentation.

Je vise une densité initiale autour de `1.050` et je finis en général vers `1.011`, soit environ 5,1 % d'alcool.
""",
        "intent": "information", "sponsor": "", "tags": ["recettes", "houblon"],
        "age_days": 45, "pinned": False,
        "edits": ["""\
Voici la recette que j'ai brassée trois fois ces derniers mois, avec des résultats assez constants. Elle convient bien à un premier tout-grain.

**Correction :** j'avais indiqué 25 g de Cascade pour l'ajout de 60 minutes. C'est 20 g : avec 25 g, l'amertume devient franchement râpeuse. Merci à ceux qui me l'ont signalé en message privé.

## Ingrédients (20 litres en fermenteur)

| Ingrédient | Quantité | Moment |
|---|---|---|
| Malt pâle | 4,2 kg | empâtage |
| Malt Crystal 60 | 250 g | empâtage |
| Cascade | 20 g | 60 min |
| Cascade | 30 g | 10 min |
| Cascade | 40 g | hors du feu |
| Levure US-05 | 1 sachet | 18 °C |

## Déroulé

1. Empâtage à 66 °C pendant 60 minutes, avec 14 litres d'eau.
2. Rinçage avec 12 litres à 76 °C.
3. Ébullition de 60 minutes.
4. Refroidissement à 18 °C, puis deux semaines de fermentation.

Je vise une densité initiale autour de `1.050` et je finis en général vers `1.011`, soit environ 5,1 % d'alcool.
"""],
        "comments": [
            {"author": "samir", "age_days": 44,
             "body": "Je n'ai pas trouvé de Cascade au Comptoir cette semaine. Du Centennial ferait l'affaire ?",
             "replies": [
                 {"author": "francois", "age_days": 44,
                  "body": "Oui, on le surnomme parfois « super Cascade ». Il est plus amer, donc je réduirais l'ajout de 60 minutes à 15 g environ.",
                  "replies": [
                      {"author": "samir", "age_days": 43,
                       "body": "D'accord. Et pour l'ajout hors du feu, je garde 40 g ?",
                       "replies": [
                           {"author": "lucien", "age_days": 43,
                            "body": "Je me permets : avec le Centennial, 40 g m'avaient semblé un peu résineux. Avec 30 g, j'obtenais quelque chose de plus rond.",
                            "replies": [
                                {"author": "samir", "age_days": 42,
                                 "body": "Je coupe la poire en deux : 35 g. Je vous dis ce que ça donne dans trois semaines. Merci @lucien et @francois !",
                                 "replies": []},
                            ]},
                       ]},
                  ]},
             ]},
            {"author": "gaelle", "age_days": 40,
             "body": "Tu rinces vraiment à 76 °C ? J'ai lu qu'au-delà de 78 °C on extrait des tanins, et ça me stresse toujours un peu.",
             "replies": [
                 {"author": "francois", "age_days": 40,
                  "body": "Oui, 76 °C mesurés dans la cuve de rinçage, pas dans la casserole. Il y a de la marge, mais aucune raison de viser plus haut.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "brassage", "author": "lucien",
        "title": "Le kit d'extrait n'a pas à rougir devant le tout-grain",
        "body": """\
Je vais sans doute froisser quelques puristes, mais je le dis quand même : j'ai brassé mes meilleures bières de l'année à partir d'extrait de malt.

Quand j'ai commencé, il y a six ans, on m'a vite fait comprendre que le kit, c'était pour les débutants, et que le « vrai » brassage commençait avec l'empâtage. J'y suis donc passé : une cuve de 35 litres, un moulin, un sac, et des samedis entiers à surveiller un thermomètre.

Je ne regrette rien, j'ai énormément appris. Mais voici ce que j'ai constaté en tenant un carnet :

- sur quinze brassins en tout-grain, quatre ont souffert d'un problème de rendement ou de température d'empâtage ;
- sur huit brassins à l'extrait, aucun n'a raté à cause de l'extrait lui-même ;
- les seuls défauts de mes bières à l'extrait venaient… de la fermentation, exactement comme pour les autres.

Autrement dit, ce qui fait une bonne bière, c'est d'abord une fermentation propre et maîtrisée, une levure en bonne santé et des houblons frais. Le malt, qu'il arrive en grains ou en sirop, est rarement le maillon faible.

L'extrait a aussi des avantages qu'on oublie : un brassage en deux heures au lieu de six, une cuisine qui ne ressemble pas à un champ de bataille, et une régularité qui permet de tester *une seule variable à la fois*. Pour comparer deux levures ou deux houblons, c'est idéal.

Je ne dis pas que le tout-grain est inutile. Il offre une liberté que l'extrait ne donne pas, notamment pour les bières très sèches ou très maltées. Je dis seulement qu'on devrait cesser de présenter le kit comme une étape honteuse.

Alors, qui se lance dans la défense du tout-grain ? Je vous écoute.
""",
        "intent": "opinion", "sponsor": "", "tags": ["conseils", "recettes"],
        "age_days": 40, "pinned": False, "edits": [],
        "comments": [
            {"author": "oceane", "age_days": 39,
             "body": "Je suis assez d'accord sur le fond : la grande majorité des défauts que je goûte en dégustation viennent de la fermentation. Mais l'extrait a un coût, presque le double au litre.",
             "replies": [
                 {"author": "lucien", "age_days": 39,
                  "body": "C'est vrai : environ 2,40 € le litre de bière contre 1,30 € en tout-grain, d'après mon carnet. Mais j'économise quatre heures. À chacun son arbitrage.",
                  "replies": [
                      {"author": "bruno", "age_days": 38,
                       "body": "J'ai fait le calcul dans mon tableur (évidemment) : dès qu'on valorise son temps à 5 € de l'heure, l'extrait devient plus économique. Ce qui prouve surtout que nos loisirs ne sont pas rentables.",
                       "replies": [
                           {"author": "amelie", "age_days": 38,
                            "body": "@bruno ce tableur mériterait d'être partagé, ne serait-ce que pour les nouveaux qui hésitent avant d'acheter du matériel.",
                            "replies": [
                                {"author": "bruno", "age_days": 37,
                                 "body": "Je le nettoie et je le poste ce week-end. Promis, il n'y aura pas de macro.",
                                 "replies": [
                                     {"author": "lucien", "age_days": 37,
                                      "body": "Je le testerai avec mes propres chiffres. Quitte à avoir tort, autant que ce soit dans des cellules bien formatées.",
                                      "replies": []},
                                 ]},
                            ]},
                       ]},
                  ]},
             ]},
            {"author": "amelie", "age_days": 39,
             "body": "Petit bémol : pour mes saisons, je fais un empâtage à 63 °C pour obtenir une bière très sèche, et l'extrait ne le permet pas vraiment. Mais pour une pale ale ou une stout, je te suis.",
             "replies": [
                 {"author": "lucien", "age_days": 38,
                  "body": "C'est exactement ce que j'entendais par « bières très sèches ». Nous sommes d'accord sur l'essentiel.",
                  "replies": []},
             ]},
            {"author": "rose", "age_days": 35,
             "body": "J'ajoute un argument : avec l'extrait, j'ai pu brasser dans mon appartement, ce qui était impossible avec une cuve de 35 litres et un brûleur.",
             "replies": []},
        ],
    },
    {
        "community": "brassage", "author": "gaelle",
        "title": "Récolter et réutiliser sa levure : mon protocole",
        "body": """\
Un sachet de levure liquide coûte près de 10 €. En récoltant le dépôt du fond du fermenteur, j'en tire quatre ou cinq brassins. Voici comment je procède.

1. Le jour de l'embouteillage, je garde environ 300 ml de bière au fond du fermenteur avec le dépôt.
2. Je fais tourner doucement pour remettre le tout en suspension.
3. Je verse dans un bocal stérilisé (eau bouillante puis désinfectant sans rinçage).
4. Au réfrigérateur, couvercle posé mais pas vissé les premières heures.

Avant le brassin suivant, je prépare un starter : `1 litre d'eau + 100 g d'extrait sec`, soit une densité d'environ `1.040`, dans lequel je verse la partie claire et crémeuse du bocal, en laissant les débris de houblon au fond.

> Une levure récoltée proprement vaut mieux qu'un sachet neuf mal réhydraté.

Mon principal conseil : étiquetez tout. Date, souche, numéro de génération. Au bout de trois semaines, on ne se souvient plus de rien.
""",
        "intent": "information", "sponsor": "", "tags": ["levures", "fermentation"],
        "age_days": 33, "pinned": False, "edits": [],
        "comments": [
            {"author": "oceane", "age_days": 32,
             "body": "Très clair. J'ajouterais qu'au-delà de cinq ou six générations, je repars d'un sachet neuf : les levures finissent par dériver.",
             "replies": [
                 {"author": "gaelle", "age_days": 32,
                  "body": "Bonne remarque. J'écris la génération au feutre sur le couvercle ; j'en suis à la quatrième avec ma levure de saison.",
                  "replies": []},
             ]},
            {"author": "amelie", "age_days": 30,
             "body": "Tu gardes tes bocaux combien de temps au réfrigérateur, au maximum ?",
             "replies": [
                 {"author": "gaelle", "age_days": 30,
                  "body": "Trois semaines, pas plus. Au-delà, je fais systématiquement un starter plus long, sur deux jours.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "brassage", "author": "amelie",
        "title": "Atelier « Premier brassage » le samedi 14 : c'est moi qui l'anime",
        "body": """\
Je l'annonce ici en toute transparence : il s'agit de **mon** atelier, que j'anime dans le cadre de ma micro-entreprise, et il est payant (35 € la place, ingrédients et dégustation compris).

Au programme, de 9 h 30 à 16 h à la Maison des associations (salle 2) : hygiène et désinfection, empâtage, ébullition, refroidissement, puis mise en fermentation. On déjeune ensemble, chacun apporte un plat.

Il y a huit places. Deux d'entre elles sont gratuites pour les personnes qui ne pourraient pas payer : écrivez-moi en message privé, sans justification. Inscriptions sur [ma page d'ateliers](https://example.org/amelie-brasse/ateliers).
""",
        "intent": "promotion", "sponsor": "", "tags": ["conseils"],
        "age_days": 28, "pinned": False, "edits": [],
        "comments": [
            {"author": "jules", "age_days": 27,
             "body": "Est-ce qu'on repart avec quelque chose ? Ma compagne voudrait m'offrir une place.",
             "replies": [
                 {"author": "amelie", "age_days": 27,
                  "body": "Oui : chacun repart avec cinq litres de moût en fermentation dans une bonbonne, à embouteiller chez soi deux semaines plus tard. Je donne une fiche pour cette étape.",
                  "replies": []},
             ]},
            {"author": "rose", "age_days": 25,
             "body": "J'y étais la dernière fois et je recommande. La partie sur l'hygiène m'a évité bien des déboires.",
             "replies": []},
        ],
    },
    {
        "community": "brassage", "author": "oceane",
        "title": "[Sponsorisé] Concours amateur de la Brasserie du Canal : votre recette brassée en 500 litres",
        "body": """\
**Contenu sponsorisé.** Ce message est payé par la Brasserie du Canal, qui m'a rémunérée pour présenter son concours ici. Amélie, fondatrice du groupe, a donné son accord.

Le principe est simple : vous déposez trois bouteilles de 33 cl de votre bière à la brasserie, 6 quai des Tanneurs, avant le 15 du mois prochain. Un jury de cinq personnes (deux brasseurs de la maison, un caviste et deux amateurs tirés au sort) goûte à l'aveugle.

La recette gagnante sera brassée en 500 litres et servie au bar de la brasserie pendant un mois, avec le nom de son auteur sur l'étiquette. Tous les styles sont acceptés, à condition de rester sous 8 % d'alcool.

Le règlement complet est [disponible en ligne](https://example.org/brasserie-du-canal/concours).
""",
        "intent": "sponsored", "sponsor": "Brasserie du Canal", "tags": ["recettes"],
        "age_days": 24, "pinned": False, "edits": [],
        "comments": [
            {"author": "francois", "age_days": 23,
             "body": "Merci pour la transparence. Une question qui fâche : la brasserie garde-t-elle des droits sur la recette après le concours ?",
             "replies": [
                 {"author": "oceane", "age_days": 23,
                  "body": "J'ai posé la question : la recette reste à son auteur. La brasserie obtient seulement le droit de la brasser une fois pour le concours. C'est écrit à l'article 6 du règlement.",
                  "replies": [
                      {"author": "francois", "age_days": 22,
                       "body": "Parfait, c'est honnête. J'enverrai peut-être ma pale ale, alors.",
                       "replies": []},
                  ]},
             ]},
            {"author": "samir", "age_days": 20,
             "body": "Les bouteilles doivent-elles être étiquetées ?",
             "replies": [
                 {"author": "oceane", "age_days": 20,
                  "body": "Juste une étiquette simple avec le style et la date d'embouteillage. Pas de nom, pour que la dégustation reste anonyme.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "brassage", "author": "rose",
        "title": "Les houblons néo-zélandais ? Beaucoup de bruit pour le prix",
        "body": """\
Je vais peut-être passer pour une grincheuse, mais je trouve que l'engouement pour les houblons néo-zélandais est disproportionné. On paie le Nelson Sauvin autour de 9 € les 100 g, contre 4 € pour un Strisselspalt d'Alsace, qui a voyagé vingt fois moins.

En cuisine, on dit qu'un bon produit local bien travaillé vaut mieux qu'un produit exotique mal utilisé. Je crois que c'est pareil en brassage : beaucoup de bières « tropicales » que j'ai goûtées masquaient surtout une fermentation approximative derrière une avalanche d'arômes.

Je ne dis pas que ces houblons sont mauvais, loin de là. Je dis qu'on apprend davantage en maîtrisant trois variétés européennes qu'en courant après la nouveauté de la saison.
""",
        "intent": "opinion", "sponsor": "", "tags": ["houblon"],
        "age_days": 21, "pinned": False, "edits": [],
        "comments": [
            {"author": "samir", "age_days": 20,
             "body": "J'ai brassé une fois avec du Nelson Sauvin et l'arôme de raisin blanc était bluffant. Mais tu as raison sur le prix : je ne l'ai jamais racheté.",
             "replies": []},
            {"author": "amelie", "age_days": 19,
             "body": "Le Strisselspalt dans une bière de saison, c'est une merveille. Je t'apporte une bouteille au prochain brassage collectif.",
             "replies": [
                 {"author": "rose", "age_days": 19,
                  "body": "Avec plaisir ! J'apporterai une terrine aux herbes pour l'accompagner.",
                  "replies": []},
             ]},
            {"author": "lucien", "age_days": 18,
             "body": "Pour les curieux, quelques producteurs du Nord vendent leur houblon en direct. Plus frais et moins cher, même si le choix de variétés est plus limité.",
             "replies": []},
        ],
    },
    {
        "community": "brassage", "author": "samir",
        "title": "Bouteilles qui giclent : ce que j'ai appris à mes dépens",
        "body": """\
Dimanche, en ouvrant une bouteille de ma dernière ambrée, j'ai repeint le plafond du garage. Les suivantes ont fait pareil. Après enquête (et un peu de lecture), voici les causes possibles que j'ai identifiées.

- **Embouteillage trop tôt** : la fermentation n'était pas terminée. Il faut une densité stable, par exemple `1.010` trois jours de suite, avant de mettre en bouteille.
- **Trop de sucre de resucrage** : j'avais mis 8 g par litre « pour être sûr ».
- **Contamination** : une bactérie ou une levure sauvage continue de manger des sucres que la levure de brasserie laisse de côté.

Dans mon cas, c'était sans doute les deux premières. Ma densité était encore à `1.016` et elle a dû finir vers `1.010` dans les bouteilles.

Si vous avez des bouteilles suspectes, mettez-les au froid dans une caisse fermée, et ouvrez-les avec des lunettes de protection. Ce n'est pas une blague.
""",
        "intent": "information", "sponsor": "", "tags": ["embouteillage", "fermentation"],
        "age_days": 14, "pinned": False, "edits": [],
        "comments": [
            {"author": "jules", "age_days": 13,
             "body": "Un détail qui change tout : la bière contient déjà du CO2 dissous, dont la quantité dépend de la température maximale atteinte en fin de fermentation. À 20 °C, il reste environ 0,85 volume ; pour viser 2,4 volumes, il faut donc autour de 6 g/L de sucre, pas 8.",
             "replies": [
                 {"author": "samir", "age_days": 13,
                  "body": "Je ne connaissais pas ce détail, et ça explique beaucoup de choses. Merci @jules, c'est exactement l'explication qu'il me fallait.",
                  "replies": []},
             ]},
            {"author": "bruno", "age_days": 12,
             "body": "Ça m'est arrivé aussi il y a deux ans. Depuis, je mets toujours une bouteille en plastique témoin dans le lot : quand elle devient dure, les autres sont prêtes.",
             "replies": []},
        ],
    },
    {
        "community": "brassage", "author": "bruno",
        "title": "[Sponsorisé] Le Comptoir du Brasseur loue désormais du matériel",
        "body": """\
**Message sponsorisé** : le Comptoir du Brasseur (rue du Moulin-Neuf) m'a payé ce message sous la forme d'un bon d'achat de 50 €. Je ne travaille pas pour eux.

La boutique propose maintenant la location de matériel pour ceux qui veulent essayer avant d'acheter :

| Matériel | Tarif |
|---|---|
| Cuve électrique 35 L avec thermostat | 15 € le week-end |
| Fermenteur 30 L avec barboteur | 5 € la semaine |
| Refroidisseur à serpentin | 5 € le week-end |

Une caution de 100 € est demandée pour la cuve. Réservation en boutique ou par téléphone.
""",
        "intent": "sponsored", "sponsor": "Le Comptoir du Brasseur", "tags": ["conseils"],
        "age_days": 9, "pinned": False, "edits": [],
        "comments": [
            {"author": "gaelle", "age_days": 8,
             "body": "Intéressant pour tester une cuve électrique avant de se décider. La caution est rendue tout de suite au retour ?",
             "replies": [
                 {"author": "bruno", "age_days": 8,
                  "body": "D'après eux, oui, après une vérification rapide du matériel. Je ne l'ai pas encore testé moi-même ; je vous ferai un retour honnête quand ce sera fait.",
                  "replies": []},
             ]},
            {"author": "amelie", "age_days": 7,
             "body": "Merci d'avoir clairement signalé le caractère sponsorisé, @bruno. Pour rappel, le matériel du groupe reste prêté gratuitement les jours de brassage collectif.",
             "replies": []},
        ],
    },
    {
        "community": "brassage", "author": "oceane",
        "title": "J'ai publié un guide gratuit sur le contrôle de la température de fermentation",
        "body": """\
Je fais un peu d'autopromotion : j'ai publié sur mon blog un guide sur la maîtrise de la température de fermentation. Il est gratuit et sans publicité, mais c'est bien mon travail que je mets en avant ici.

L'idée de départ est simple :

> La température de la pièce n'est pas celle du fermenteur.

Pendant les trois premiers jours, une fermentation active peut faire monter la bière de 3 à 5 °C au-dessus de l'air ambiant. C'est là que naissent la plupart des arômes de solvant et de banane trop mûre.

Le guide présente trois montages, du moins cher au plus confortable : la bassine d'eau, le vieux réfrigérateur piloté par un thermostat à 20 €, et la ceinture chauffante pour l'hiver. Il est [ici](https://example.org/oceane-fermente/temperature).
""",
        "intent": "promotion", "sponsor": "", "tags": ["fermentation"],
        "age_days": 5, "pinned": False, "edits": [],
        "comments": [
            {"author": "lucien", "age_days": 4,
             "body": "Le passage sur la sonde collée contre le fermenteur, sous un morceau d'isolant, m'a été très utile. Mes bières sont nettement plus propres depuis.",
             "replies": []},
            {"author": "gaelle", "age_days": 3,
             "body": "Tu pourrais détailler la bassine pour ceux qui n'ont pas de réfrigérateur ? Avec deux bouteilles d'eau congelées changées matin et soir, je tiens 19 °C même en juillet.",
             "replies": [
                 {"author": "oceane", "age_days": 3,
                  "body": "Excellente idée, je l'ajoute ce week-end en te citant, si tu es d'accord.",
                  "replies": [
                      {"author": "gaelle", "age_days": 2,
                       "body": "Avec plaisir !",
                       "replies": []},
                  ]},
             ]},
        ],
    },
    {
        "community": "brassage", "author": "jules",
        "title": "Arrêtons de courir après les degrés",
        "body": """\
Je lis souvent ici des recettes à 8 ou 9 %, et je comprends le plaisir du défi technique. Mais les bières qui m'ont le plus marqué, y compris celles que j'ai goûtées lors de nos brassages collectifs, tournaient autour de 4 %. Une bière légère ne cache rien : le moindre défaut s'entend, la moindre réussite aussi. Si je devais donner un conseil à un débutant, ce serait de brasser une bière de table, de la réussir, puis de recommencer.
""",
        "intent": "opinion", "sponsor": "", "tags": ["recettes", "conseils"],
        "age_days": 0, "pinned": False, "edits": [],
        "comments": [],
    },
    # ------------------------------------------------------------------ velo
    {
        "community": "velo", "author": "chloe",
        "title": "Bienvenue sur Vélo en ville : mode d'emploi",
        "body": """\
Bonjour à toutes et à tous, et bienvenue !

Ce groupe sert à s'entraider pour se déplacer à vélo dans Villebrune : signaler des travaux, comparer des itinéraires, poser des questions d'entretien, organiser des balades. Quelques règles simples :

- **Courtoisie avant tout**, y compris quand on parle des automobilistes, des piétons ou des trottinettes.
- **Pas de photos permettant d'identifier quelqu'un** (visages, plaques d'immatriculation). On décrit des situations, on ne dénonce pas des personnes.
- Les **contenus promotionnels** sont permis s'ils sont signalés. Un message payé par une entreprise doit être marqué comme sponsorisé.

La balade mensuelle a lieu un dimanche par mois, avec un départ habituel place des Halles. Et pour l'entretien, l'atelier associatif La Rustine vous accueille rue des Tanneurs.
""",
        "intent": "information", "sponsor": "", "tags": ["pistes", "balades"],
        "age_days": 60, "pinned": True, "edits": [],
        "comments": [
            {"author": "hugo", "age_days": 59,
             "body": "Je précise que La Rustine est ouverte le mardi et le jeudi de 18 h à 21 h, au 12 rue des Tanneurs. On prête les outils et on vous guide, mais on ne répare pas à votre place.",
             "replies": []},
            {"author": "nathan", "age_days": 58,
             "body": "Merci @chloe ! Est-ce qu'on peut poster des comptages de trafic ici, ou c'est trop technique ?",
             "replies": [
                 {"author": "chloe", "age_days": 58,
                  "body": "Avec plaisir, du moment que tu expliques ce que montrent les chiffres. Ça nourrit nos échanges avec la mairie.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "velo", "author": "chloe",
        "title": "Consultation sur la future piste du quai de la Brune : plus que dix jours",
        "body": """\
La mairie a enfin ouvert la consultation publique sur l'aménagement du quai de la Brune, entre le pont des Carmes et la gare. C'est le projet dont on parle depuis des années, et il ne reste que dix jours pour donner son avis.

Deux variantes sont proposées :

- **Variante A** : une piste bidirectionnelle de 2,5 m côté rivière, séparée de la chaussée par une bordure. Elle supprime 40 places de stationnement sur 1,2 km.
- **Variante B** : des bandes cyclables peintes de chaque côté, sans suppression de stationnement.

Le dossier est consultable à la mairie annexe (registre papier) et en ligne. L'association déposera une contribution collective, mais chaque avis individuel compte aussi.

Je vous encourage à participer, quel que soit votre avis. Une consultation à laquelle personne ne répond, c'est un argument pour ne rien changer.
""",
        "intent": "information", "sponsor": "", "tags": ["pistes"],
        "age_days": 900, "pinned": False, "edits": [],
        "comments": [
            {"author": "djamel", "age_days": 899,
             "body": "Avis déposé pour la variante A. Des bandes peintes le long de voitures garées, c'est le risque de se prendre une portière à chaque trajet.",
             "replies": []},
            {"author": "pierre_y", "age_days": 897,
             "body": "Je roule sur ce quai depuis plus de vingt ans. Variante A sans hésiter, mais tout se jouera au carrefour du pont des Carmes. J'ai demandé un feu décalé pour les vélos dans mon avis.",
             "replies": [
                 {"author": "chloe", "age_days": 897,
                  "body": "Très bonne remarque, je l'intègre à la contribution de l'association.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "velo", "author": "hugo",
        "title": "Régler ses freins à patins en vingt minutes",
        "body": """\
À l'atelier, c'est la demande numéro un. Bonne nouvelle : un frein à patins (type V-brake ou cantilever) se règle très bien soi-même.

## Ce qu'il faut

- une clé Allen de 5 mm (parfois 4 mm) ;
- un chiffon et un peu d'alcool ménager ;
- éventuellement une paire de patins neufs (10 à 15 € la paire).

## Les étapes

1. **Vérifier l'usure** : si les rainures du patin ont disparu, on le change.
2. **Nettoyer la jante** avec le chiffon imbibé d'alcool. Une jante grasse ne freine pas, quel que soit le réglage.
3. **Positionner le patin** : il doit toucher la jante bien à plat, sans déborder sur le pneu. Desserrer la vis, placer, resserrer.
4. **Régler l'écart** : 1 à 2 mm entre patin et jante, grâce à la molette au bout de la gaine.
5. **Tester** : le levier ne doit jamais toucher le guidon quand on serre fort.

Si le frein crisse, décalez légèrement l'avant du patin vers la jante (on parle de « pincement »). Une carte de visite glissée à l'arrière du patin pendant le serrage fait très bien l'affaire.
""",
        "intent": "information", "sponsor": "", "tags": ["entretien"],
        "age_days": 50, "pinned": False, "edits": [],
        "comments": [
            {"author": "maelle", "age_days": 49,
             "body": "Sur mon cargo, les patins s'usent en trois mois avec le poids des enfants. C'est normal ?",
             "replies": [
                 {"author": "hugo", "age_days": 49,
                  "body": "Avec un cargo chargé, ça n'a rien d'anormal. Prends des patins à cartouche : on ne change que la gomme, sans dérégler le frein.",
                  "replies": []},
             ]},
            {"author": "jules", "age_days": 47,
             "body": "Réglage fait en suivant pas à pas. Le vélo freine enfin sans que je serre de toutes mes forces. Merci.",
             "replies": []},
        ],
    },
    {
        "community": "velo", "author": "nathan",
        "title": "Piste du quai de la Brune, deux ans après : un bilan en demi-teinte",
        "body": """\
Dans le cadre de mon mémoire, j'ai passé une partie du printemps à compter les cyclistes sur la piste du quai de la Brune, celle dont ce groupe avait suivi la consultation il y a un peu plus de deux ans.

Les bonnes nouvelles d'abord : en semaine, je compte en moyenne **1 900 passages par jour**, contre environ 700 avant les travaux d'après les comptages de la mairie. Beaucoup d'enfants en âge du collège l'empruntent seuls, ce qui est à mes yeux le meilleur indicateur de sécurité ressentie.

Mais trois points noirs subsistent :

- le **carrefour du pont des Carmes**, où voitures qui tournent et vélos qui filent tout droit se coupent la route ;
- les **véhicules de livraison** stationnés sur la piste, faute d'aire dédiée ;
- la **fin de piste devant la gare**, qui vous dépose sans transition au milieu de la circulation.

Bref, une vraie réussite sur le linéaire, et des carrefours qui n'ont pas été pensés jusqu'au bout. Qu'en pensez-vous, vous qui l'empruntez tous les jours ?
""",
        "intent": "opinion", "sponsor": "", "tags": ["pistes"],
        "age_days": 44, "pinned": False, "edits": [],
        "comments": [
            {"author": "chloe", "age_days": 43,
             "body": "Merci pour ces chiffres. Le carrefour du pont des Carmes, nous l'avions signalé dès la consultation ; la mairie avait promis un feu décalé qui n'est jamais venu.",
             "replies": [
                 {"author": "nathan", "age_days": 43,
                  "body": "Je l'ai lu dans les archives du groupe, oui. J'ai compté quatorze situations de conflit voiture-vélo en une heure à ce carrefour, un mardi à 8 h.",
                  "replies": [
                      {"author": "pierre_y", "age_days": 42,
                       "body": "C'est moi qui avais demandé ce feu à l'époque. Quatorze conflits par heure, c'est un argument bien plus solide que mon impression d'alors. Accepterais-tu de présenter tes comptages au comité de quartier ?",
                       "replies": [
                           {"author": "nathan", "age_days": 42,
                            "body": "Volontiers, si on me laisse dix minutes. Je peux préparer deux ou trois graphiques simples.",
                            "replies": [
                                {"author": "chloe", "age_days": 41,
                                 "body": "Le prochain comité a lieu le jeudi 12 à 19 h, salle Jean-Vilar. Je demande qu'on t'inscrive à l'ordre du jour.",
                                 "replies": [
                                     {"author": "nathan", "age_days": 41,
                                      "body": "Parfait, merci @chloe. Je montrerai les graphiques ici avant, pour avoir vos remarques.",
                                      "replies": []},
                                 ]},
                            ]},
                       ]},
                  ]},
             ]},
            {"author": "djamel", "age_days": 40,
             "body": "Pour les livraisons, je trouve qu'on accuse un peu vite les livreurs : il n'existe aucune aire de livraison sur tout le quai. Il faudrait en créer deux avant de parler de verbaliser.",
             "replies": [
                 {"author": "samir", "age_days": 39,
                  "body": "D'accord avec toi. Il m'arrive de livrer des pièces pour mon travail dans ce secteur, et je n'ai littéralement nulle part où m'arrêter.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "velo", "author": "maelle",
        "title": "Je lance Cargo Partagé : des vélos-cargos à louer à la journée",
        "body": """\
Je préfère être claire d'emblée : c'est **mon** projet, une petite entreprise que je monte avec une amie. Je le présente ici parce que beaucoup d'entre vous m'ont demandé comment essayer un cargo avant d'en acheter un.

Nous avons trois vélos : deux biporteurs à assistance électrique et un triporteur sans assistance. Tarifs : 25 € la journée, 40 € le week-end, casques enfants et bâche de pluie fournis. Le retrait se fait au 8 rue du Moulin-Neuf.

Pendant le mois de lancement, la première demi-journée d'essai est offerte, à tout le monde. Réservations sur [le site](https://example.org/cargo-partage).
""",
        "intent": "promotion", "sponsor": "", "tags": ["cargo"],
        "age_days": 37, "pinned": False, "edits": [],
        "comments": [
            {"author": "bruno", "age_days": 36,
             "body": "Bonne idée. Question pratique : le vélo est-il assuré en cas de vol pendant la location ?",
             "replies": [
                 {"author": "maelle", "age_days": 36,
                  "body": "Oui, l'assurance est comprise, avec une franchise de 150 € si le vélo n'était pas attaché avec l'antivol fourni.",
                  "replies": []},
             ]},
            {"author": "jules", "age_days": 33,
             "body": "Essayé samedi avec mes neveux pour aller aux étangs. Le triporteur est rassurant, mais lourd en côte : la montée de la rue Pasteur s'est faite à pied, en poussant.",
             "replies": [
                 {"author": "maelle", "age_days": 33,
                  "body": "Merci pour ce retour honnête ! Je vais indiquer plus clairement sur le site que seul le triporteur n'a pas d'assistance, et conseiller les biporteurs pour les trajets vallonnés.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "velo", "author": "djamel",
        "title": "Se garer à vélo près de la gare : le petit inventaire",
        "body": """\
Je prends le train trois fois par semaine et j'ai fini par faire le tour de toutes les solutions de stationnement autour de la gare. Voici ce que j'ai relevé :

| Emplacement | Places | Abrité | Remarque |
|---|---|---|---|
| Parking sécurisé de la gare | 60 | oui | badge, 20 € par an |
| Arceaux place de la Gare | 24 | non | souvent complets après 8 h |
| Arceaux rue Pasteur | 10 | non | bien visibles, éclairés |
| Abri de la médiathèque | 16 | oui | fermé le dimanche |

Pour un stationnement de plus de deux heures, je conseille le parking sécurisé. Ailleurs, un antivol en U accroché au cadre *et* à l'arceau, jamais seulement à la roue.
""",
        "intent": "information", "sponsor": "", "tags": ["stationnement"],
        "age_days": 30, "pinned": False, "edits": [],
        "comments": [
            {"author": "pierre_y", "age_days": 29,
             "body": "J'ajouterais les six arceaux derrière la poste, rue Gambetta : toujours libres, personne ne les connaît.",
             "replies": [
                 {"author": "djamel", "age_days": 29,
                  "body": "Je ne les avais jamais remarqués ! Je les ajoute à ma liste, merci.",
                  "replies": []},
             ]},
            {"author": "hugo", "age_days": 27,
             "body": "Attention pour le parking sécurisé : le badge se désactive si on ne l'utilise pas pendant trois mois. J'en ai fait les frais un soir de pluie.",
             "replies": []},
        ],
    },
    {
        "community": "velo", "author": "pierre_y",
        "title": "Rouler l'hiver : ce que trente ans de trajets m'ont appris",
        "body": """\
On m'a demandé plusieurs fois, à l'atelier ou sur ce groupe, comment je faisais pour rouler toute l'année. Je ne suis pas un grand bavard, alors j'ai essayé de tout mettre ici, une bonne fois pour toutes.

**Le froid n'est presque jamais le problème.** Au bout de dix minutes de pédalage, on a chaud. L'erreur classique est de trop se couvrir : on part confortable et on arrive trempé de sueur. Il faut partir en ayant un peu froid.

**Les extrémités, en revanche, ne pardonnent pas.** De bons gants, un tour de cou et des chaussettes de laine valent mieux qu'une grosse veste. Je garde une paire de gants de rechange au bureau depuis une matinée de novembre où les miens étaient encore mouillés de la veille.

**La pluie se gère avec des garde-boue.** Des vrais, longs, avec une bavette à l'avant. C'est l'accessoire le moins séduisant et le plus utile qui soit. Avec eux, un pantalon de pluie ne sert que les jours de déluge.

**La nuit, il faut être vu de loin et de côté.** Un éclairage fixe, alimenté par une dynamo dans le moyeu, ne tombe jamais en panne de batterie. J'ajoute des bandes réfléchissantes sur les sacoches : les automobilistes qui arrivent de côté voient d'abord ça.

**La chaîne souffre plus que le cycliste.** Le sel et la boue l'usent à une vitesse étonnante. Je l'essuie chaque semaine et je la graisse légèrement tous les quinze jours en hiver. Une chaîne à 15 € changée à temps évite une cassette et des plateaux à 80 €.

**Enfin, il faut savoir renoncer.** Les matins de verglas, je prends le bus. Trente ans de vélo, c'est aussi trente ans sans chute grave, et ce n'est pas un hasard.

Voilà. Rien de spectaculaire, mais tout cela fait que je n'ai jamais eu envie d'arrêter.
""",
        "intent": "opinion", "sponsor": "", "tags": ["hiver", "entretien"],
        "age_days": 25, "pinned": False, "edits": [],
        "comments": [
            {"author": "chloe", "age_days": 24,
             "body": "Merci pour ce texte, Pierre-Yves. Je le citerai chaque fois qu'on me dira que le vélo, c'est pour l'été.",
             "replies": []},
            {"author": "hugo", "age_days": 24,
             "body": "Tout est juste, surtout sur la chaîne. J'ajoute qu'un coup de chiffon après chaque trajet sous la pluie vaut mieux qu'un grand nettoyage par mois.",
             "replies": []},
            {"author": "nathan", "age_days": 22,
             "body": "Question de débutant : les pneus à clous, ça vaut le coup ici ? Il y a eu du verglas trois matins l'an dernier.",
             "replies": [
                 {"author": "pierre_y", "age_days": 22,
                  "body": "Pour trois matins par an, non. Ces jours-là, je prends le bus. Les pneus à clous, c'est pour ceux qui ont des semaines entières de verglas.",
                  "replies": [
                      {"author": "nathan", "age_days": 21,
                       "body": "C'est plein de bon sens. Merci !",
                       "replies": []},
                  ]},
             ]},
        ],
    },
    {
        "community": "velo", "author": "samir",
        "title": "[Sponsorisé] Révision d'hiver à 39 € chez Cycles Morin",
        "body": """\
**Contenu sponsorisé** : Cycles Morin, le magasin de l'avenue de la Gare, m'a payé pour publier ce message. J'y fais entretenir mon vélo électrique depuis deux ans, mais il s'agit bien d'une publicité.

Jusqu'à la fin du mois, la révision d'hiver est proposée à 39 € au lieu de 55 €. Elle comprend le réglage des freins et des vitesses, le contrôle de l'éclairage, la vérification des roues et le graissage de la chaîne. Les pièces éventuelles sont facturées en plus, sur devis.

Prise de rendez-vous au magasin ou par téléphone, délai d'environ une semaine.
""",
        "intent": "sponsored", "sponsor": "Cycles Morin", "tags": ["entretien", "hiver"],
        "age_days": 18, "pinned": False, "edits": [],
        "comments": [
            {"author": "hugo", "age_days": 17,
             "body": "Merci pour la mention claire. Je rappelle que La Rustine apprend à faire ces réglages soi-même pour le prix de l'adhésion (10 € par an). Les deux se complètent : un magasin pour les gros travaux, l'atelier pour l'entretien courant.",
             "replies": [
                 {"author": "samir", "age_days": 17,
                  "body": "C'est juste, et je n'ai aucun problème à le dire. Pour le moteur, en revanche, je préfère passer par un professionnel.",
                  "replies": []},
             ]},
            {"author": "chloe", "age_days": 16,
             "body": "Le message respecte nos règles : sponsor indiqué, tarif clair. Merci Samir.",
             "replies": []},
        ],
    },
    {
        "community": "velo", "author": "chloe",
        "title": "Balade du dimanche 23 : la boucle des étangs (28 km)",
        "body": """\
La balade mensuelle aura lieu **dimanche 23**. Rendez-vous à 9 h place des Halles.

Le parcours fait 28 km, quasiment plat : on longe la Brune par le chemin de halage jusqu'à l'écluse, puis on rejoint les étangs de la Grange par la petite route. Pause pique-nique au bord de l'étang, retour vers 13 h.

Tous les vélos sont les bienvenus, y compris les cargos et les vélos d'enfants. Prévoyez une chambre à air de rechange et de l'eau.
""",
        "intent": "information", "sponsor": "", "tags": ["balades"],
        "age_days": 12, "pinned": False,
        "edits": ["""\
La balade mensuelle aura lieu **dimanche 23**.

**Mise à jour :** le départ est décalé à **9 h 30**, devant la **médiathèque** (rue Gambetta), car le marché occupe toute la place des Halles ce dimanche-là.

Le parcours fait 28 km, quasiment plat : on longe la Brune par le chemin de halage jusqu'à l'écluse, puis on rejoint les étangs de la Grange par la petite route. Pause pique-nique au bord de l'étang, retour vers 13 h 30.

Tous les vélos sont les bienvenus, y compris les cargos et les vélos d'enfants. Prévoyez une chambre à air de rechange et de l'eau.
"""],
        "comments": [
            {"author": "maelle", "age_days": 11,
             "body": "On vient avec le cargo et les deux enfants ! Le chemin de halage est praticable après la pluie ?",
             "replies": [
                 {"author": "chloe", "age_days": 11,
                  "body": "Il y a environ 800 mètres un peu boueux après l'écluse, rien d'infranchissable. Au pire, on contourne par la route de la Grange.",
                  "replies": []},
             ]},
            {"author": "djamel", "age_days": 10,
             "body": "Je serai en serre-file, comme d'habitude.",
             "replies": []},
            {"author": "bruno", "age_days": 10,
             "body": "J'apporte le café dans deux thermos.",
             "replies": []},
        ],
    },
    {
        "community": "velo", "author": "djamel",
        "title": "Trottinettes sur les pistes : et si on arrêtait de s'énerver ?",
        "body": """\
Chaque semaine, je lis ici ou ailleurs un message agacé contre les trottinettes électriques sur les pistes cyclables. Je comprends l'irritation, mais je crois qu'on se trompe de cible.

Une trottinette bridée roule à 25 km/h au maximum, exactement comme un vélo à assistance électrique. Elle prend moins de place qu'un vélo-cargo. Ses utilisateurs sont, pour beaucoup, des gens qui auraient pris la voiture sinon.

Le vrai problème, c'est la largeur des pistes. Sur 2 mètres en bidirectionnel, personne ne peut doubler personne sans frôler quelqu'un venant en face. Ce n'est pas une guerre entre engins, c'est un manque d'espace.
""",
        "intent": "opinion", "sponsor": "", "tags": ["pistes"],
        "age_days": 8, "pinned": False, "edits": [],
        "comments": [
            {"author": "nathan", "age_days": 7,
             "body": "D'accord sur le fond, mais le problème, ce sont les trottinettes débridées qui roulent à 40 km/h. Là, on n'est plus dans la même catégorie.",
             "replies": [
                 {"author": "djamel", "age_days": 7,
                  "body": "Bien sûr, mais c'est vrai aussi de certains vélos électriques trafiqués. Le problème, c'est le débridage, pas l'engin.",
                  "replies": [
                      {"author": "hugo", "age_days": 6,
                       "body": "À La Rustine, nous refusons d'aider à débrider quoi que ce soit. On nous l'a demandé deux fois ce mois-ci.",
                       "replies": [
                           {"author": "maelle", "age_days": 6,
                            "body": "Avec les enfants dans le cargo, ce qui me fait peur, ce sont les écarts de vitesse, quel que soit l'engin. Quelqu'un qui me double à 40 km/h à trente centimètres, c'est violent.",
                            "replies": [
                                {"author": "djamel", "age_days": 5,
                                 "body": "Tu as raison @maelle, et c'est précisément pour ça qu'il faudrait des pistes plus larges : on pourrait se doubler sans se frôler.",
                                 "replies": [
                                     {"author": "chloe", "age_days": 5,
                                      "body": "Je mets le sujet à l'ordre du jour du comité de quartier : 3 mètres minimum pour les pistes bidirectionnelles neuves. C'est d'ailleurs ce que recommandent les guides techniques.",
                                      "replies": []},
                                 ]},
                            ]},
                       ]},
                  ]},
             ]},
            {"author": "pierre_y", "age_days": 6,
             "body": "L'énervement n'a jamais fait avancer personne. Bon texte.",
             "replies": []},
        ],
    },
    {
        "community": "velo", "author": "hugo",
        "title": "« Réparer sans pleurer » : ma série de vidéos d'entretien",
        "body": """\
Un peu d'autopromotion, je l'assume : depuis quelques mois, je tourne une série de courtes vidéos d'entretien, « Réparer sans pleurer ». C'est mon projet personnel, sans publicité ni partenariat.

Cinq épisodes sont en ligne :

1. réparer une crevaison sans démonter toute la roue ;
2. nettoyer et graisser sa chaîne ;
3. régler ses freins à patins ;
4. régler un dérailleur arrière qui saute ;
5. choisir et poser un éclairage.

Chaque vidéo dure moins de dix minutes et n'utilise que des outils qu'on trouve à La Rustine. C'est [par ici](https://example.org/reparer-sans-pleurer). Vos suggestions d'épisodes sont les bienvenues.
""",
        "intent": "promotion", "sponsor": "", "tags": ["entretien"],
        "age_days": 4, "pinned": False, "edits": [],
        "comments": [
            {"author": "jules", "age_days": 3,
             "body": "L'épisode sur la chaîne est le plus clair que j'aie vu. Une suggestion : indiquer dans la description le temps de chaque étape, pour retrouver un passage facilement.",
             "replies": [
                 {"author": "hugo", "age_days": 3,
                  "body": "Bonne idée, je l'ajoute. Merci @jules !",
                  "replies": []},
             ]},
            {"author": "samir", "age_days": 2,
             "body": "Tu prévois un épisode sur les vélos électriques ? Beaucoup de gens n'osent pas toucher à leur roue arrière à cause du moteur.",
             "replies": [
                 {"author": "hugo", "age_days": 2,
                  "body": "C'est le prochain sur la liste. Il me faut justement un vélo avec moteur dans le moyeu pour tourner : tu accepterais de prêter le tien ?",
                  "replies": [
                      {"author": "samir", "age_days": 1,
                       "body": "Avec plaisir, je te l'amène jeudi à l'atelier.",
                       "replies": []},
                  ]},
             ]},
        ],
    },
    {
        "community": "velo", "author": "nathan",
        "title": "Travaux rue Pasteur : déviation jusqu'à la fin du mois",
        "body": """\
Pour info : la rue Pasteur est fermée entre la place de la Gare et la rue Gambetta pour le remplacement des canalisations, jusqu'à la fin du mois. La déviation conseillée par la mairie passe par le boulevard, mais à vélo, le plus agréable est de passer par la rue des Tanneurs puis le quai de la Brune : c'est plat, et c'est presque aussi rapide.
""",
        "intent": "information", "sponsor": "", "tags": ["pistes"],
        "age_days": 0, "pinned": False, "edits": [],
        "comments": [],
    },
    # ------------------------------------------------------------------ jardins
    {
        "community": "jardins", "author": "elise",
        "title": "Charte du jardin des Glycines (et de ce groupe)",
        "body": """\
Le jardin des Glycines compte vingt-deux parcelles individuelles et des espaces communs : la spirale d'aromatiques, les bacs à compost, le verger et le cabanon. Pour que tout cela fonctionne, nous nous sommes mis d'accord sur quelques règles.

- **Aucun pesticide ni engrais de synthèse**, sur les parcelles comme dans les espaces communs.
- **L'eau des cuves d'abord** ; le robinet de la ville n'est ouvert qu'en dernier recours.
- **Les outils communs** se rangent propres dans le cabanon après usage.
- **Chaque jardinier donne deux heures par mois** aux espaces communs, par exemple lors des chantiers collectifs.
- La cotisation est de 15 € par an et par parcelle.

Sur ce groupe, même esprit : on s'entraide, on partage, et on signale clairement tout contenu promotionnel ou sponsorisé.
""",
        "intent": "information", "sponsor": "", "tags": ["outils", "arrosage"],
        "age_days": 55, "pinned": True,
        "edits": ["""\
Le jardin des Glycines compte vingt-deux parcelles individuelles et des espaces communs : la spirale d'aromatiques, les bacs à compost, le verger et le cabanon. Pour que tout cela fonctionne, nous nous sommes mis d'accord sur quelques règles.

- **Aucun pesticide ni engrais de synthèse**, sur les parcelles comme dans les espaces communs.
- **L'eau des cuves d'abord** ; le robinet de la ville n'est ouvert qu'en dernier recours.
- **Les outils communs** se rangent propres dans le cabanon après usage.
- **Chaque jardinier donne deux heures par mois** aux espaces communs, par exemple lors des chantiers collectifs.
- La cotisation est de 15 € par an et par parcelle.
- **Grainothèque** : les graines empruntées sont, dans la mesure du possible, rendues en fin de saison.

**Ajout :** le code du cadenas du cabanon change le 1er de chaque mois. Il est envoyé par message privé aux adhérents et n'est jamais publié ici.

Sur ce groupe, même esprit : on s'entraide, on partage, et on signale clairement tout contenu promotionnel ou sponsorisé.
"""],
        "comments": [
            {"author": "ines", "age_days": 54,
             "body": "Merci @elise. Peut-on ajouter une ligne sur la grainothèque ? Les graines prises devraient idéalement être rendues en fin de saison.",
             "replies": [
                 {"author": "elise", "age_days": 54,
                  "body": "Bonne idée : c'est ajouté dans la version affichée au cabanon, et je mets cette page à jour.",
                  "replies": []},
             ]},
            {"author": "lucien", "age_days": 50,
             "body": "Une charte courte et claire, c'est plus rare qu'on ne le croit. Bravo.",
             "replies": []},
        ],
    },
    {
        "community": "jardins", "author": "elise",
        "title": "C'est signé : la mairie nous confie la friche de la rue des Lilas",
        "body": """\
Après plus d'un an de discussions, la convention avec la mairie a été signée ce matin ! Nous disposons pour trois ans, renouvelables, du terrain en friche du 14 rue des Lilas : environ 1 200 m², un vieux mur exposé au sud et une glycine centenaire qui a survécu à tout.

Les prochaines étapes :

1. débroussaillage, lors de deux samedis de chantier ;
2. analyse de sol, avant toute plantation ;
3. pose d'une clôture basse et d'un portail ;
4. découpage des parcelles et tirage au sort.

Nous sommes quatorze inscrits pour l'instant. Pour le nom, je propose « jardin des Glycines », en l'honneur de notre doyenne végétale. Les autres propositions sont bienvenues jusqu'à la première réunion.
""",
        "intent": "information", "sponsor": "", "tags": ["rencontres"],
        "age_days": 800, "pinned": False, "edits": [],
        "comments": [
            {"author": "lucien", "age_days": 799,
             "body": "Quelle nouvelle ! J'ai connu ce terrain quand c'étaient encore les jardins ouvriers de la filature, avant leur abandon. La boucle est bouclée.",
             "replies": [
                 {"author": "elise", "age_days": 799,
                  "body": "Lucien, il faudra absolument que tu nous racontes cette histoire le jour de l'inauguration.",
                  "replies": []},
             ]},
            {"author": "karine", "age_days": 795,
             "body": "Pour l'analyse de sol, demandez le plomb et le cuivre : les anciens ateliers du quartier ont pu en laisser. Le laboratoire départemental le fait pour une soixantaine d'euros.",
             "replies": []},
        ],
    },
    {
        "community": "jardins", "author": "ines",
        "title": "Calendrier des semis de printemps pour nos parcelles",
        "body": """\
Plusieurs nouveaux jardiniers m'ont demandé quand semer quoi. Voici un calendrier adapté à notre jardin, à partir des notes de la grainothèque et des conseils des anciens.

| Légume | Semis sous abri | En pleine terre | Remarque |
|---|---|---|---|
| Tomates | mi-mars | après le 15 mai | repiquer en godets à 2 feuilles |
| Courgettes | fin avril | mi-mai | 1 m² par pied |
| Haricots | — | mi-mai à juillet | semer tous les 15 jours |
| Radis | — | mars à septembre | levée en 5 jours |
| Laitues | février-mars | avril à août | craignent la chaleur |
| Poireaux | mars | repiquage en juin | habiller les racines |

Ce ne sont que des repères : la météo de l'année a toujours le dernier mot. Les graines de la grainothèque sont disponibles à la permanence du samedi.
""",
        "intent": "information", "sponsor": "", "tags": ["semis", "graines"],
        "age_days": 48, "pinned": False, "edits": [],
        "comments": [
            {"author": "karine", "age_days": 47,
             "body": "Très bien fait. Un détail : le bas du jardin garde le froid, et les tomates y souffrent même après le 15 mai. Pour les parcelles 15 à 22, j'attendrais la fin du mois.",
             "replies": [
                 {"author": "ines", "age_days": 47,
                  "body": "Merci Karine, je l'ajoute en note. C'est exactement le genre de savoir local qui manque aux calendriers du commerce.",
                  "replies": []},
             ]},
            {"author": "maelle", "age_days": 45,
             "body": "Mes enfants veulent semer des radis : à quelle profondeur ?",
             "replies": [
                 {"author": "ines", "age_days": 45,
                  "body": "Un centimètre à peine, puis on éclaircit pour laisser 3 cm entre chaque plant. Ils lèveront en cinq jours : parfait pour des jardiniers impatients.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "jardins", "author": "lucien",
        "title": "Bêcher ou ne pas bêcher : pourquoi j'ai changé d'avis",
        "body": """\
J'ai appris à jardiner avec mon père, dans les jardins ouvriers de la filature. Chez nous, le bêchage d'automne était sacré : on retournait toute la parcelle sur un fer de bêche, on laissait le gel « travailler les mottes », et l'on jugeait un jardinier à la rectitude de ses sillons.

Pendant près de cinquante ans, j'ai fait exactement pareil. Et pendant près de cinquante ans, j'ai eu mal au dos chaque mois de novembre.

Il y a cinq ans, une voisine de parcelle m'a convaincu d'essayer autre chose sur une seule planche : ne plus retourner la terre, simplement l'ameublir à la grelinette, et la couvrir en permanence de matière organique. J'étais sceptique. Je le suis resté jusqu'à la deuxième année.

Ce que j'ai observé sur cette planche, comparée aux autres :

- beaucoup plus de vers de terre, visibles dès qu'on soulève le paillage ;
- une terre qui ne croûte plus après les grosses pluies ;
- moins d'arrosage en été, parce que le sol garde la fraîcheur ;
- des récoltes au moins équivalentes, meilleures pour les courges et les poireaux.

Je ne prétends pas faire de la science : une planche, un jardinier, quelques saisons. Mais aujourd'hui, toute ma parcelle est conduite ainsi, et mon dos s'en porte très bien.

Je crois surtout que le bêchage répondait à un problème réel, le compactage des sols lourds, avec une solution qui en crée d'autres. En retournant la terre, on enfouit la vie qui était en surface et on remonte celle qui était en profondeur. Les deux s'en trouvent mal.

Mon père serait sans doute horrifié de voir ma parcelle couverte de feuilles mortes en plein hiver. Mais je crois qu'il aurait fini par goûter mes poireaux.
""",
        "intent": "opinion", "sponsor": "", "tags": ["permaculture"],
        "age_days": 42, "pinned": False, "edits": [],
        "comments": [
            {"author": "gaelle", "age_days": 41,
             "body": "Très beau texte. Chez moi, la terre est très argileuse, et la première année sans bêcher, tout a pourri. Tu avais quel type de sol ?",
             "replies": [
                 {"author": "lucien", "age_days": 41,
                  "body": "Argilo-limoneux, assez lourd aussi. La première année, j'ai un peu triché : un passage de grelinette sans retourner, puis 10 cm de paillage. Ensuite, plus rien.",
                  "replies": [
                      {"author": "gaelle", "age_days": 40,
                       "body": "La grelinette, c'est un compromis que j'entends. Et tu paillais avec quoi ? Chez nous, les limaces adorent la paille.",
                       "replies": [
                           {"author": "karine", "age_days": 40,
                            "body": "Les limaces adorent surtout l'humidité sous la paille au printemps. Je ne paille qu'une fois la terre réchauffée, vers la mi-mai, et avec des tontes sèches plutôt que de la paille.",
                            "replies": [
                                {"author": "lucien", "age_days": 39,
                                 "body": "Karine a raison, j'ai fait la même erreur au début : paillage trop tôt, limaces en fête.",
                                 "replies": [
                                     {"author": "gaelle", "age_days": 39,
                                      "body": "Bon, je tente la grelinette et le paillage tardif sur la moitié de ma parcelle, et je compare à l'automne. Merci @karine et @lucien !",
                                      "replies": []},
                                 ]},
                            ]},
                       ]},
                  ]},
             ]},
            {"author": "elise", "age_days": 38,
             "body": "On pourrait organiser une démonstration de grelinette au jardin, un samedi matin. Lucien, tu serais partant ?",
             "replies": [
                 {"author": "lucien", "age_days": 38,
                  "body": "Avec plaisir, à condition que quelqu'un d'autre porte la grelinette.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "jardins", "author": "karine",
        "title": "Compost en bac : les proportions qui marchent",
        "body": """\
J'ai fait du compost pendant trente ans sur l'exploitation. Voici ce qui compte vraiment, le reste est de la littérature.

**Les proportions.** Deux volumes de matières brunes (feuilles mortes, carton non imprimé, broyat, paille) pour un volume de matières vertes (épluchures, tontes, marc de café). Concrètement : `2 seaux de feuilles pour 1 seau d'épluchures`.

**L'humidité.** Prenez une poignée au cœur du tas et serrez-la. Elle doit ressembler à une éponge essorée : quelques gouttes, pas davantage. Trop sec, on arrose. Trop mouillé, on ajoute du brun.

**L'aération.** On retourne toutes les trois ou quatre semaines. Un tas bien fait monte à 50 ou 60 °C au cœur, puis redescend : c'est le signal.

**Ce qu'on évite** : viande, poisson, produits laitiers, litières de chat, plantes malades.

> Un compost qui sent mauvais manque d'air ou de brun, jamais d'autre chose.

Comptez six à neuf mois pour un compost mûr, qui sent le sous-bois.
""",
        "intent": "information", "sponsor": "", "tags": ["compost"],
        "age_days": 36, "pinned": False, "edits": [],
        "comments": [
            {"author": "rose", "age_days": 35,
             "body": "Merci Karine. Le marc de café, on peut en mettre beaucoup ? Au restaurant, j'en ai un seau par jour.",
             "replies": [
                 {"author": "karine", "age_days": 35,
                  "body": "C'est une matière verte malgré sa couleur. Un seau par jour, c'est trop pour un seul bac : répartis-le entre les bacs ou mélange-le avec du carton brun.",
                  "replies": []},
             ]},
            {"author": "djamel", "age_days": 33,
             "body": "J'ai planté un thermomètre à compost dans le bac 2 : 58 °C au cœur hier. Je ne pensais pas que ça chauffait autant.",
             "replies": [
                 {"author": "karine", "age_days": 33,
                  "body": "C'est le signe qu'il est bien équilibré. Retourne-le quand il redescend sous 40 °C.",
                  "replies": []},
             ]},
            {"author": "elise", "age_days": 30,
             "body": "Ce message mérite d'être imprimé et affiché au-dessus des bacs. Je m'en occupe.",
             "replies": []},
        ],
    },
    {
        "community": "jardins", "author": "ines",
        "title": "Troc de graines samedi 6 : c'est moi qui l'organise",
        "body": """\
Je signale que c'est un événement que j'organise moi-même, avec la médiathèque où je travaille. Il est entièrement gratuit : aucun argent ne circule, on échange.

**Samedi 6, de 10 h à 13 h, salle d'animation de la médiathèque, rue Gambetta.**

Apportez vos graines en sachets, avec au minimum le nom de la variété et l'année de récolte. Si vous n'avez rien à échanger, venez quand même : la grainothèque aura des surplus à donner.

À 11 h, un petit atelier pour les enfants : fabriquer ses sachets et semer un radis en godet à emporter.
""",
        "intent": "promotion", "sponsor": "", "tags": ["graines", "rencontres"],
        "age_days": 30, "pinned": False, "edits": [],
        "comments": [
            {"author": "lucien", "age_days": 29,
             "body": "J'apporterai des haricots « coco de Villebrune », une vieille variété que ma mère cultivait déjà. Il m'en reste une bonne centaine.",
             "replies": [
                 {"author": "ines", "age_days": 29,
                  "body": "Ce serait formidable ! On pourrait écrire une petite fiche sur son histoire. Tu veux bien m'aider à la rédiger ?",
                  "replies": [
                      {"author": "lucien", "age_days": 28,
                       "body": "Bien sûr. Je passe mardi à la médiathèque.",
                       "replies": []},
                  ]},
             ]},
            {"author": "maelle", "age_days": 27,
             "body": "Je peux faire l'affiche et les étiquettes si tu veux, c'est mon métier.",
             "replies": [
                 {"author": "ines", "age_days": 27,
                  "body": "Oh oui, merci Maëlle ! Je t'envoie les informations ce soir.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "jardins", "author": "rose",
        "title": "Arrosage : on arrose trop, et surtout trop souvent",
        "body": """\
En passant au jardin le soir, je vois beaucoup d'entre nous arroser un peu chaque jour. C'est un geste généreux, mais je crois qu'il dessert nos plantes.

Un arrosage quotidien et léger ne mouille que les premiers centimètres. Les racines restent en surface, là où est l'eau, et la plante devient dépendante : le jour où l'on s'absente, elle souffre.

À l'inverse, un arrosage copieux et espacé, de l'ordre de 10 à 15 litres par mètre carré une fois par semaine, pousse les racines à descendre chercher la fraîcheur. Le matin plutôt que le soir, pour éviter les limaces et les maladies.

Bien sûr, il y a des exceptions : les semis et les jeunes plants repiqués ont besoin d'une humidité régulière. Mais pour une tomate installée, la sobriété est une bonne amie.
""",
        "intent": "opinion", "sponsor": "", "tags": ["arrosage"],
        "age_days": 26, "pinned": False, "edits": [],
        "comments": [
            {"author": "djamel", "age_days": 25,
             "body": "D'accord sur le principe. Mais sur les parcelles du haut, en plein soleil, une fois par semaine en juillet, ça ne tient pas : la terre se craquelle en trois jours.",
             "replies": [
                 {"author": "rose", "age_days": 25,
                  "body": "Tu as raison, mon message vaut surtout pour un sol paillé. Sans paillage et en plein soleil, deux fois par semaine est plus réaliste.",
                  "replies": [
                      {"author": "elise", "age_days": 24,
                       "body": "C'est peut-être l'occasion de rendre le paillage obligatoire sur les parcelles du haut en été ? Elles consomment presque toute l'eau des cuves.",
                       "replies": [
                           {"author": "maelle", "age_days": 24,
                            "body": "Obligatoire, je ne sais pas… Tout le monde n'a pas le temps d'aller chercher du paillage. Si le jardin en fournit, en revanche, je suis pour.",
                            "replies": [
                                {"author": "djamel", "age_days": 23,
                                 "body": "On pourrait demander leur broyat d'élagage aux services des espaces verts. Ils en livraient à l'école de mes enfants.",
                                 "replies": [
                                     {"author": "elise", "age_days": 23,
                                      "body": "Je leur écris dès demain. @djamel, tu peux me donner le nom de ton contact ?",
                                      "replies": []},
                                 ]},
                            ]},
                       ]},
                  ]},
             ]},
            {"author": "karine", "age_days": 22,
             "body": "Un test simple : enfoncer le doigt dans la terre jusqu'à la deuxième phalange. Si c'est frais, on n'arrose pas.",
             "replies": []},
        ],
    },
    {
        "community": "jardins", "author": "gaelle",
        "title": "[Sponsorisé] La Pépinière des Trois Chênes offre 200 plants aux jardins partagés",
        "body": """\
**Message sponsorisé** : la Pépinière des Trois Chênes (route de Marsac) m'a payée pour rédiger et publier cette annonce. J'y travaille aussi à mi-temps pendant la saison, autant que vous le sachiez.

La pépinière offre 200 plants issus de l'agriculture biologique aux trois jardins partagés de Villebrune : tomates (cœur de bœuf, noire de Crimée, cerise jaune), courges et basilic. Le retrait se fait sur place, samedi 20, de 9 h à 12 h.

Elle propose également une remise de 10 % aux adhérents des jardins partagés jusqu'à la fin de la saison, sur présentation de la carte d'adhérent.
""",
        "intent": "sponsored", "sponsor": "Pépinière des Trois Chênes", "tags": ["semis"],
        "age_days": 20, "pinned": False, "edits": [],
        "comments": [
            {"author": "elise", "age_days": 19,
             "body": "Merci Gaëlle pour la transparence. Pour les Glycines, je propose qu'on prenne 60 plants et qu'on les répartisse à la permanence de samedi.",
             "replies": []},
            {"author": "ines", "age_days": 18,
             "body": "Les variétés sont-elles reproductibles ? Si oui, on pourrait garder des graines pour la grainothèque.",
             "replies": [
                 {"author": "gaelle", "age_days": 18,
                  "body": "J'ai vérifié : les tomates sont des variétés anciennes, non hybrides, donc oui. En revanche, les courges sont des hybrides F1 : inutile d'en garder les graines.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "jardins", "author": "djamel",
        "title": "Deux cuves de 1 000 litres pour récupérer l'eau du cabanon",
        "body": """\
Samedi, avec trois volontaires, nous avons installé deux cuves de récupération d'eau de pluie derrière le cabanon. Voici le détail, pour ceux qui voudraient faire pareil chez eux.

Le toit du cabanon fait 18 m². La formule de base est `volume (L) = surface (m²) × pluie (mm) × 0,9`, le 0,9 tenant compte des pertes. Une pluie de 10 mm remplit donc environ 160 litres.

- deux cuves de 1 000 litres d'occasion, ayant contenu du jus de fruits : 70 € pièce ;
- une gouttière de 6 m et un collecteur filtrant : 45 € ;
- un socle de parpaings de 40 cm pour pouvoir remplir un arrosoir au robinet.

Les deux cuves sont reliées par le bas : quand la première se remplit, la seconde suit.
""",
        "intent": "information", "sponsor": "", "tags": ["arrosage", "outils"],
        "age_days": 15, "pinned": False, "edits": [],
        "comments": [
            {"author": "lucien", "age_days": 14,
             "body": "Beau travail. Pensez à couvrir les cuves ou à les peindre : à la lumière, les algues s'y installent en quelques semaines.",
             "replies": [
                 {"author": "djamel", "age_days": 14,
                  "body": "Elles sont sous une bâche opaque pour l'instant. On les peindra en vert foncé quand il fera plus sec.",
                  "replies": []},
             ]},
            {"author": "gaelle", "age_days": 13,
             "body": "Avec environ 650 mm de pluie par an, ça ferait à peu près 10 500 litres récupérables, si je suis ton calcul ? C'est énorme.",
             "replies": [
                 {"author": "djamel", "age_days": 13,
                  "body": "En théorie, oui. En pratique, les cuves débordent en hiver et sont vides en août : on en utilise peut-être la moitié.",
                  "replies": []},
             ]},
        ],
    },
    {
        "community": "jardins", "author": "lucien",
        "title": "J'ai écrit un petit livre sur les jardins ouvriers de Villebrune",
        "body": """\
Je me permets un peu de publicité pour mon propre travail : après trois ans de recherches aux archives municipales et de nombreux entretiens, j'ai publié un petit livre, *Les Jardins de la filature*.

Il retrace l'histoire des jardins ouvriers de Villebrune, depuis leur création au début du siècle dernier jusqu'à leur abandon, et montre comment une partie de ces terrains est redevenue jardin, ici même, rue des Lilas. On y trouve une trentaine de photographies d'époque et des témoignages d'anciens jardiniers.

Le livre fait 96 pages et coûte 12 €. Il est en vente à la Librairie du Pont ; les bénéfices, s'il y en a, iront à l'association du jardin. Je le présenterai samedi prochain à 16 h à la librairie.
""",
        "intent": "promotion", "sponsor": "", "tags": ["rencontres"],
        "age_days": 10, "pinned": False, "edits": [],
        "comments": [
            {"author": "elise", "age_days": 9,
             "body": "Je l'ai lu d'une traite. Le chapitre sur les concours de poireaux est un petit bijou.",
             "replies": []},
            {"author": "karine", "age_days": 8,
             "body": "Ma grand-mère avait une parcelle près de la filature. Je vais chercher si elle figure sur la grande photo de groupe.",
             "replies": [
                 {"author": "lucien", "age_days": 8,
                  "body": "Si tu la retrouves, donne-moi son nom : je prépare une deuxième édition avec des légendes plus complètes.",
                  "replies": []},
             ]},
            {"author": "rose", "age_days": 6,
             "body": "Je serai à la présentation samedi. J'apporterai quelques biscuits aux herbes du jardin.",
             "replies": []},
        ],
    },
    {
        "community": "jardins", "author": "maelle",
        "title": "Des poules au jardin partagé : bonne ou mauvaise idée ?",
        "body": """\
Mes enfants me réclament des poules, et je me dis que le jardin serait un meilleur endroit que notre appartement. J'aimerais savoir ce que vous en pensez avant d'en parler en réunion.

Pour : elles mangent une bonne partie des déchets de cuisine et des limaces, elles donnent des œufs, et les enfants du quartier adoreraient venir les voir. Contre : il faut s'en occuper tous les jours, y compris en août, et un poulailler mal tenu peut attirer les rats.

Personnellement, je suis plutôt pour, à condition qu'on s'organise sérieusement. Mais je ne veux pas imposer un projet que d'autres devraient porter à ma place.
""",
        "intent": "opinion", "sponsor": "", "tags": ["compost", "rencontres"],
        "age_days": 6, "pinned": False, "edits": [],
        "comments": [
            {"author": "elise", "age_days": 5,
             "body": "Je suis partagée. La question n'est pas l'envie, mais l'organisation : il faudrait un planning de soins qui tienne aussi pendant les vacances.",
             "replies": []},
            {"author": "karine", "age_days": 5,
             "body": "J'ai eu des poules pendant vingt ans. Ce n'est pas compliqué, mais c'est tous les jours, sans exception. Il faudrait au moins six personnes vraiment engagées.",
             "replies": [
                 {"author": "maelle", "age_days": 4,
                  "body": "Six personnes, ça me paraît atteignable. Je lance un petit sondage à la permanence ?",
                  "replies": [
                      {"author": "karine", "age_days": 4,
                       "body": "Bonne idée. Et ajoute une question sur qui est présent en août : c'est là que tout se joue.",
                       "replies": []},
                  ]},
             ]},
            {"author": "ines", "age_days": 3,
             "body": "Pour les rats, un poulailler surélevé et une mangeoire fermée la nuit règlent l'essentiel du problème. C'est ce que fait le jardin de l'école Jules-Ferry.",
             "replies": []},
        ],
    },
    {
        "community": "jardins", "author": "elise",
        "title": "Chantier collectif samedi : paillage, cuves et grelinette",
        "body": """\
Rendez-vous **samedi à 9 h 30** au jardin pour notre chantier du mois :

- étaler le broyat livré par les espaces verts sur les parcelles du haut ;
- peindre les deux cuves derrière le cabanon (peinture fournie) ;
- démonstration de grelinette par Lucien, vers 11 h.

On termine par un repas partagé sous la glycine. Apportez gants, brouette si vous en avez une, et bonne humeur.
""",
        "intent": "information", "sponsor": "", "tags": ["rencontres", "arrosage"],
        "age_days": 1, "pinned": False, "edits": [],
        "comments": [],
    },
]
