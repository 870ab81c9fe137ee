"""The English demo content of the Matrix: the section III page and 40 resources across categories, countries, areas.

Titles, descriptions and instructions are translated in ``translations/<lang>.po``; the section text reuses the
home app's translations of the seed's section III.
"""

import datetime

from home.partners import PARTNERS

INDEX = {
    "slug": "teaching-resources",
    "title": "Teaching resources & tools",
    "subtitle": "Design and evaluation of career learning programmes, based on CMS",
    "summary": (
        "The pilot actions in the six partner countries and the Matrix of Career Management Skills Resources, "
        "which links each resource to the areas of the framework."
    ),
    "body": [
        (
            "paragraph",
            "<p>The LE.A.DE.R project partners have tested the CMS framework in different pilot actions and have "
            "collected a Matrix of Career Management Skills Resources in all partner countries (Italy, Romania, "
            "Spain, Greece, Turkey and the United Kingdom). The matrix links the resources used in the pilot "
            "actions to the areas of the CMS framework.</p>",
        ),
        ("heading", {"text": "Four categories of resources", "level": "h2"}),
        (
            "paragraph",
            "<ol><li>Presentations, activities and handouts</li><li>Websites</li><li>Videos</li>"
            "<li>Career tools</li></ol>",
        ),
        (
            "paragraph",
            "<p>Exploring the CMS framework, it is possible to get to know the different pilot actions and the "
            "resources to implement similar guidance activities.</p>",
        ),
    ],
}

COUNTRIES = [partner.country_code for partner in PARTNERS]
COUNTRY_LANGUAGE = {partner.country_code: partner.language_code for partner in PARTNERS}
PROVIDERS = {partner.country_code: f"LE.A.DE.R partner, {partner.name}" for partner in PARTNERS}
TARGET_GROUPS = ["secondary-students", "job-seekers", "university-students", "adults", "neet", "practitioners"]
SETTINGS = ["school", "employment", "university", "adult-education", "learning-centre", "other"]
LINK_CHECKED = datetime.date(2017, 6, 30)

# (category, title, description, instructions, duration in minutes)
RESOURCES = [
    (
        "presentations",
        "Strengths cards",
        "A set of cards naming personal strengths.",
        "Learners pick five cards and explain their choice in pairs.",
        45,
    ),
    (
        "presentations",
        "Values auction",
        "A game in which learners bid for what matters to them at work.",
        "Give each learner a budget and run the auction in small groups.",
        60,
    ),
    (
        "presentations",
        "My lifeline",
        "A drawing exercise about the high and low points of one’s life.",
        "Learners draw their lifeline, then share one turning point.",
        50,
    ),
    (
        "presentations",
        "Decision-making styles",
        "A handout on common ways of making decisions.",
        "Read it together and ask learners to find their own style.",
        30,
    ),
    (
        "presentations",
        "Goal-setting worksheet",
        "A worksheet to turn a wish into a realistic goal.",
        "Learners fill it in alone, then review it with a partner.",
        40,
    ),
    (
        "presentations",
        "Transitions timeline",
        "An activity to map past and future transitions.",
        "Use it in groups before a move to a new school or job.",
        60,
    ),
    (
        "presentations",
        "Informational interview guide",
        "Questions to ask someone about their job.",
        "Learners prepare questions and interview a worker.",
        90,
    ),
    (
        "presentations",
        "CV workshop slides",
        "Slides for a workshop on writing a first CV.",
        "Show the slides and let learners draft their CV on paper.",
        90,
    ),
    (
        "presentations",
        "Reflecting on expectations",
        "A group activity about hopes and fears for the future.",
        "Learners write hopes and fears on notes and sort them together.",
        45,
    ),
    (
        "presentations",
        "Personal SWOT",
        "A handout to list strengths, weaknesses, opportunities and threats.",
        "Learners complete it and choose one action for each box.",
        40,
    ),
    (
        "websites",
        "National careers portal",
        "A portal with job profiles and study options.",
        "Ask learners to find three job profiles that interest them.",
        None,
    ),
    (
        "websites",
        "Labour market information site",
        "Figures on jobs and sectors in the region.",
        "Learners look up one sector and report on its trends.",
        None,
    ),
    (
        "websites",
        "Study programme finder",
        "A database of courses after secondary school.",
        "Learners search for two courses and compare them.",
        None,
    ),
    (
        "websites",
        "Apprenticeship finder",
        "A search engine for apprenticeships.",
        "Help learners search by sector and place.",
        None,
    ),
    (
        "websites",
        "Volunteering opportunities",
        "A site listing volunteering for young people.",
        "Learners find one opportunity that builds a skill they want.",
        None,
    ),
    (
        "websites",
        "European mobility portal",
        "Information about learning and working in another country.",
        "Learners plan an imaginary stay abroad with the site.",
        None,
    ),
    (
        "websites",
        "Online skills check",
        "A website where users test their basic skills.",
        "Learners take the check and discuss the results with you.",
        None,
    ),
    (
        "websites",
        "Job search guide",
        "Step-by-step advice on looking for work.",
        "Use it as homework before a job club session.",
        None,
    ),
    (
        "websites",
        "Career stories",
        "Short stories of people and their career paths.",
        "Learners read two stories and note what helped each person.",
        None,
    ),
    (
        "websites",
        "Adult course finder",
        "A search engine for courses for adults.",
        "Adults search for a course that fits their time and budget.",
        None,
    ),
    (
        "videos",
        "What are Career Management Skills?",
        "A short animation introducing CMS.",
        "Show it at the start of a programme and ask what learners noticed.",
        5,
    ),
    (
        "videos",
        "A day at work",
        "Workers in different sectors film a day of their job.",
        "Learners watch two films and compare the jobs.",
        15,
    ),
    (
        "videos",
        "Job interview tips",
        "A video on preparing for a job interview.",
        "Watch it before a mock interview.",
        8,
    ),
    (
        "videos",
        "Changing careers at forty",
        "Adults talk about changing career in mid-life.",
        "Use it to open a discussion with adult learners.",
        12,
    ),
    (
        "videos",
        "Choosing after secondary school",
        "Students explain how they chose their next step.",
        "Show it to classes before they choose their studies.",
        10,
    ),
    (
        "videos",
        "Skills employers want",
        "Employers talk about the skills they look for.",
        "Learners list the skills and rate themselves on each.",
        7,
    ),
    (
        "videos",
        "Your online reputation",
        "A video on how employers look at social media.",
        "Learners check their own profiles after watching.",
        6,
    ),
    (
        "videos",
        "Starting your own business",
        "Young entrepreneurs share their first steps.",
        "Use it in a session on self-employment.",
        14,
    ),
    (
        "videos",
        "Learning from failure",
        "People tell how a setback changed their path.",
        "Ask learners to write about a setback they overcame.",
        9,
    ),
    (
        "videos",
        "Working abroad",
        "Young workers describe a job in another country.",
        "Combine it with the European mobility portal.",
        11,
    ),
    (
        "tools",
        "Interest inventory",
        "A questionnaire that links interests to job families.",
        "Learners complete it online and discuss the results.",
        25,
    ),
    (
        "tools",
        "Career values card sort",
        "Cards to rank what matters most in work.",
        "Learners sort the cards into three piles and explain the top pile.",
        30,
    ),
    (
        "tools",
        "Skills audit",
        "A tool to list and rate one’s skills with evidence.",
        "Learners rate each skill and add one example.",
        40,
    ),
    (
        "tools",
        "Decision matrix",
        "A grid to compare options against criteria.",
        "Learners score each option and talk about the result.",
        30,
    ),
    (
        "tools",
        "Action plan template",
        "A template for steps, dates and support.",
        "Learners fill it in at the end of a programme.",
        20,
    ),
    (
        "tools",
        "E-portfolio template",
        "A template to collect evidence of skills.",
        "Learners add one piece of evidence every week.",
        30,
    ),
    (
        "tools",
        "Career readiness questionnaire",
        "A short questionnaire on readiness to choose.",
        "Use it at the start and at the end to see progress.",
        15,
    ),
    (
        "tools",
        "Labour market quiz",
        "A quiz on facts about local jobs.",
        "Play it in teams to start a session on the labour market.",
        20,
    ),
    (
        "tools",
        "Transition checklist",
        "A checklist to prepare for a move to a new school or job.",
        "Learners tick what they have done and plan the rest.",
        15,
    ),
    (
        "tools",
        "Reflective journal",
        "A template for regular reflection on learning.",
        "Practitioners and learners write a short entry after each session.",
        10,
    ),
]


def resource_specs():
    """The resources with their facts, spread so that every category, country and area is covered."""
    specs = []
    areas = ["A1", "A2", "A3", "A4"]
    for number, (category, title, description, instructions, duration) in enumerate(RESOURCES):
        country = COUNTRIES[number % len(COUNTRIES)]
        area = areas[number % len(areas)]
        languages = [COUNTRY_LANGUAGE[country]] + ([] if country == "GB" else ["en"])
        specs.append(
            {
                "key": f"{country}-{category[:3].upper()}-{number + 1:03d}",
                "slug": f"resource-{number + 1:03d}",
                "title": title,
                "description": description,
                "instructions": instructions,
                "category": category,
                "country": country,
                "languages": languages,
                "provider": PROVIDERS[country],
                "target_group": TARGET_GROUPS[number % len(TARGET_GROUPS)],
                "setting": SETTINGS[number % len(SETTINGS)],
                "duration": duration,
                "licence": "CC BY-SA 4.0",
                "url": f"https://example.org/leader/resources/{number + 1:03d}",
                "video_url": f"https://example.org/leader/videos/{number + 1:03d}" if category == "videos" else "",
                "link_checked": LINK_CHECKED,
                "areas": [area],
                "competences": [f"{area}.{number % 2 + 1}"],
                "outcomes": [2, 3] if number % 3 else [1, 2],
                "pilots_country": country,
            }
        )
    return specs
