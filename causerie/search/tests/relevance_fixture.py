"""Relevance fixture: short billets written for Causerie's tests, and queries
with the billet expected among the first three results, on both databases.

Each query names what it checks (accents, plurals, stems, phrases, English
rules). The texts are original; places and people are invented.
"""

# key: (title, body). French billets, published in a French community.
FRENCH_POSTS = {
    # Brewing
    "brassage-debut": (
        "Premier brassage à la maison",
        "J'ai enfin sauté le pas : dix litres d'ambrée, un seau, une marmite et "
        "beaucoup de patience. L'empâtage a duré une heure à 66 degrés.",
    ),
    "houblons": (
        "Quels houblons pour une blonde légère ?",
        "Je cherche des houblons aromatiques mais pas trop amers. Le Saaz et le "
        "Strisselspalt reviennent souvent dans vos recettes.",
    ),
    "levure": (
        "Levure sèche ou liquide",
        "La levure liquide coûte plus cher, mais la fermentation démarre plus "
        "proprement. Avec la sèche, pensez à la réhydrater avant de l'ensemencer.",
    ),
    "temperature": (
        "Maîtriser la température de fermentation",
        "Un vieux réfrigérateur et un thermostat à vingt euros ont changé mes "
        "bières : fermenter à 18 degrés plutôt qu'à 24 évite les arômes de solvant.",
    ),
    "brasseurs-rencontre": (
        "Rencontre des brasseurs amateurs samedi",
        "Chaque brasseur apporte une bouteille et sa recette. On goûte, on "
        "critique gentiment, on repart avec des idées.",
    ),
    "embouteillage": (
        "Embouteillage : combien de sucre ?",
        "Pour une carbonatation moyenne, comptez six grammes de sucre par litre. "
        "Au-delà, gare aux bouteilles qui débordent à l'ouverture.",
    ),
    "biere-noel": (
        "Une bière de Noël aux épices",
        "Cannelle, écorce d'orange et un peu de miel : la recette reste sobre "
        "pour que les épices ne couvrent pas le malt.",
    ),
    "cidre": (
        "Du cidre avec les pommes du verger",
        "Les pommes tombées font un cidre honnête si on les presse vite. Le moût "
        "fermente seul, sans levure ajoutée.",
    ),
    "nettoyage": (
        "Nettoyer et désinfecter son matériel",
        "La plupart des bières ratées viennent d'un fermenteur mal nettoyé. "
        "Percarbonate pour laver, acide peracétique pour désinfecter.",
    ),
    "fete-biere": (
        "Préparer la fête de la bière du quartier",
        "La fête de la bière aura lieu place du Marché en septembre. Il manque "
        "des bénévoles pour tenir les tireuses et ranger les tables.",
    ),
    # Cycling
    "velos-cargo": (
        "Trois vélos cargo à partager",
        "L'association prête ses vélos cargo pour un week-end. Idéal pour un "
        "déménagement léger ou les courses de la semaine.",
    ),
    "piste-cyclable": (
        "La nouvelle piste cyclable du boulevard",
        "Elle est large, séparée des voitures et éclairée la nuit. Dommage "
        "qu'elle s'arrête net avant le pont.",
    ),
    "antivol": (
        "Quel antivol contre le vol ?",
        "Un antivol en U de bonne qualité, attaché au cadre et à un arceau fixe, "
        "décourage la plupart des voleurs pressés.",
    ),
    "cyclistes-hiver": (
        "Rouler l'hiver sans se geler",
        "Les cyclistes du matin le savent : des gants coupe-vent et une cagoule "
        "fine suffisent jusqu'à moins cinq degrés.",
    ),
    "atelier-reparation": (
        "Atelier de réparation participatif",
        "Chaque mardi soir, des bénévoles aident à régler les freins, changer "
        "une chambre à air ou redresser une roue voilée.",
    ),
    "pedaler-enfants": (
        "Apprendre à pédaler aux enfants",
        "Retirer les pédales de la draisienne puis les remettre : les enfants "
        "trouvent l'équilibre avant de pédaler.",
    ),
    "velo-train": (
        "Voyager avec son vélo dans le train",
        "Les régionaux acceptent les bicyclettes gratuitement hors heures de "
        "pointe. Pour les grandes lignes, il faut réserver une place.",
    ),
    "eclairage": (
        "Éclairage : être vu la nuit",
        "Un feu avant blanc, un feu arrière rouge et des bandes réfléchissantes "
        "sur le sac. Les dynamos modernes sont silencieuses.",
    ),
    "comptage": (
        "Résultats du comptage des passages",
        "Le compteur de la rue des Tanneurs a enregistré quatre mille passages "
        "en mai, deux fois plus qu'il y a trois ans.",
    ),
    "velorution": (
        "Balade collective dimanche",
        "Départ devant la gare à dix heures, allure tranquille, retour par les "
        "berges. Casques conseillés, bonne humeur obligatoire.",
    ),
    # Gardens
    "jardin-partage": (
        "Un jardin partagé derrière l'école",
        "La mairie prête une parcelle en friche. Il faut des volontaires pour "
        "bêcher, installer des bacs et organiser les arrosages.",
    ),
    "tomates": (
        "Mes tomates craquent, pourquoi ?",
        "Après une grosse pluie, la tomate gorgée d'eau éclate. Un arrosage "
        "régulier et un bon paillage limitent les dégâts.",
    ),
    "composteurs": (
        "Deux composteurs collectifs au pied des immeubles",
        "Les habitants déposent leurs épluchures ; un référent retourne le tas "
        "chaque semaine. Le terreau sera partagé au printemps.",
    ),
    "semis": (
        "Réussir ses semis sur le balcon",
        "Des godets, un terreau fin et une fenêtre lumineuse. Semez peu à la "
        "fois et éclaircissez sans regret.",
    ),
    "abeilles": (
        "Des ruches sur le toit de la médiathèque",
        "Les abeilles butinent les tilleuls du parc. La première récolte de "
        "miel a donné douze kilos.",
    ),
    "potager": (
        "Un potager sans pesticides",
        "Associer les cultures, attirer les coccinelles et accepter quelques "
        "feuilles grignotées : le potager s'équilibre.",
    ),
    "graines": (
        "Grainothèque à la bibliothèque",
        "Prenez des graines, rapportez-en à la fin de la saison. Les variétés "
        "anciennes de haricots partent en premier.",
    ),
    "arbres-fruitiers": (
        "Tailler les arbres fruitiers",
        "La taille d'hiver forme l'arbre, celle d'été limite la vigueur. Des "
        "sécateurs propres évitent de transmettre les maladies.",
    ),
    "secheresse": (
        "Jardiner malgré la sécheresse",
        "Récupérer l'eau de pluie, pailler épais, arroser le soir au pied des "
        "plantes : chaque litre compte en juillet.",
    ),
    "coeur-de-boeuf": (
        "La cœur-de-bœuf, reine du potager",
        "Cette variété charnue demande un tuteur solide. Sa saveur justifie "
        "toutes les attentions.",
    ),
    # Local democracy
    "elus-permanence": (
        "Rencontrer les élus sans rendez-vous",
        "Nos élus tiennent une permanence le premier samedi du mois. Venez "
        "avec vos questions sur la voirie ou les écoles.",
    ),
    "conseil-municipal": (
        "Compte rendu du conseil municipal",
        "Le conseil municipal a voté le budget et la rénovation du gymnase. "
        "Les débats sur le stationnement ont duré deux heures.",
    ),
    "conseil-quartier": (
        "Le conseil de quartier cherche des membres",
        "Tirage au sort parmi les volontaires : un conseil ouvert à tous, où le "
        "budget municipal se discute avant d'être voté.",
    ),
    "budget-participatif": (
        "Budget participatif : déposez vos projets",
        "Cent mille euros pour des idées d'habitants. Les projets retenus seront "
        "soumis au vote en novembre.",
    ),
    "elections": (
        "Élections municipales : comment s'inscrire",
        "Les inscriptions sur les listes électorales ferment six semaines avant "
        "le scrutin. Un justificatif de domicile suffit.",
    ),
    "referendum": (
        "Un référendum local sur la piscine",
        "La consultation portera sur la rénovation de la piscine ou la "
        "construction d'un nouveau bassin.",
    ),
    "reunion-publique": (
        "Réunion publique sur le plan de circulation",
        "La mairie présente le nouveau sens unique jeudi soir. Chacun pourra "
        "poser ses questions au micro.",
    ),
    "petition": (
        "Pétition pour un passage piéton",
        "Trois cents signatures recueillies pour sécuriser la sortie de "
        "l'école. Nous la remettons lundi au maire.",
    ),
    "moderation-charte": (
        "Notre charte de modération",
        "La modération de ce groupe est assurée par trois bénévoles. Ils "
        "appliquent le guide voté par les membres.",
    ),
    "communaute-vie": (
        "La vie de notre communauté",
        "Une communauté vit de ses discussions. Présentez-vous, posez des "
        "questions, répondez aux nouveaux.",
    ),
    # Everything else
    "bibliotheque": (
        "La bibliothèque ouvre le dimanche",
        "À partir d'octobre, les portes ouvriront le dimanche après-midi. Le "
        "prêt de jeux de société arrive aussi.",
    ),
    "chorale": (
        "La chorale recrute des ténors",
        "Pas besoin de lire la musique : on apprend à l'oreille. Répétitions le "
        "jeudi dans la salle des fêtes.",
    ),
    "randonnee": (
        "Randonnée sur les crêtes",
        "Quinze kilomètres, six cents mètres de dénivelé, pique-nique au "
        "sommet. Chaussures de marche indispensables.",
    ),
    "repair-cafe": (
        "Repair café : ne jetez plus",
        "Grille-pain, lampes et vêtements reprennent vie. Les réparateurs "
        "bénévoles expliquent chaque geste.",
    ),
    "marche": (
        "Le marché du samedi s'agrandit",
        "Six nouveaux producteurs rejoignent la place : fromages, pain au "
        "levain et légumes de saison.",
    ),
    "numerique": (
        "Ateliers numériques pour les aînés",
        "Envoyer une photo, remplir un formulaire en ligne, éviter les "
        "arnaques : des séances en petits groupes.",
    ),
    "covoiturage": (
        "Covoiturage vers la zone d'activités",
        "Une dizaine de salariés partagent déjà leurs trajets. Inscrivez-vous "
        "pour compléter les équipages du matin.",
    ),
    "patrimoine": (
        "Journées du patrimoine au moulin",
        "Le vieux moulin ouvre ses portes : visite de la roue à aubes et "
        "démonstration de mouture.",
    ),
    "cuisine": (
        "Atelier cuisine anti-gaspillage",
        "Pain rassis, fanes de radis et fruits tachés deviennent un repas "
        "complet. Recettes distribuées à la sortie.",
    ),
    "musique": (
        "Scène ouverte au café associatif",
        "Guitares, poèmes, accordéon : chaque artiste a dix minutes. Inscription "
        "sur place dès dix-neuf heures.",
    ),
}

# English billets, published in an English-language community.
ENGLISH_POSTS = {
    "en-garden": (
        "Community gardens in the old railway yard",
        "Volunteers turned the yard into raised beds. Gardening sessions run "
        "every Sunday and anyone may join.",
    ),
    "en-brewing": (
        "What I learned from my first batches",
        "I brewed three batches of pale ale this spring. Sanitising everything "
        "twice was the single most useful habit.",
    ),
    "en-councils": (
        "How local councils set their budgets",
        "Councillors publish a draft in January; residents can comment before "
        "the final vote in March.",
    ),
}

# (query, expected billet key, what the query checks)
QUERIES = [
    ("elu", "elus-permanence", "no accent, singular: finds « élus »"),
    ("élu", "elus-permanence", "accent, singular: finds « élus »"),
    ("communautés", "communaute-vie", "plural finds the singular « communauté »"),
    ("velo cargo", "velos-cargo", "no accent, singular: finds « vélos cargo »"),
    ("houblon", "houblons", "singular finds the plural"),
    ("brasseurs", "brasseurs-rencontre", "plural finds « brasseur » too"),
    ('"conseil municipal"', "conseil-municipal", "phrase in quotes"),
    ("« fête de la bière »", "fete-biere", "French quotes, stop words inside"),
    ("ELECTIONS", "elections", "capitals, no accent"),
    ("électorales", "elections", "plural feminine adjective"),
    ("fermenter", "temperature", "verb and noun share a stem (fermentation)"),
    (
        "modérateurs",
        "moderation-charte",
        "« modérateurs » and « modération » stem alike",
    ),
    ("coeur de boeuf", "coeur-de-boeuf", "« oe » finds the ligature « œ »"),
    ("composteur", "composteurs", "singular finds the plural"),
    ("tomates", "tomates", "plural finds « tomate » and « tomates »"),
    ("pistes cyclables", "piste-cyclable", "two plurals find the singulars"),
    ("réunions publiques", "reunion-publique", "feminine plural"),
    ("pédaler", "pedaler-enfants", "infinitive"),
    ("municipaux", "conseil-municipal", "« municipaux » finds « municipal »"),
    (
        "le budget participatif des habitants",
        "budget-participatif",
        "stop words ignored",
    ),
    ("secheresse jardiner", "secheresse", "two words, no accents"),
    ("abeille miel", "abeilles", "singular finds the plural"),
    ("referendum piscine", "referendum", "no accent"),
    ("bière", "fete-biere", "ranking: in the title and twice in the text"),
    ("fermentation", "temperature", "ranking: in the title beats the text"),
    ("budget", "budget-participatif", "ranking: title and text"),
    ("vélos", "velos-cargo", "ranking among many billets about cycling"),
    ("gardening communities", "en-garden", "English stems: garden, community"),
    ("brewing batch", "en-brewing", "English stems: brewed, batches"),
    ("councillor budget", "en-councils", "English plural"),
]
