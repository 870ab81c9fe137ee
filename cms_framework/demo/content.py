"""The English demo content of the framework app: a sample framework, the four learning outcomes, six pilot actions.

The framework is sample content, marked as such in its own text, for the partners to replace with their own. The
other five languages are in ``translations/<lang>.po`` (msgid: the English text), applied through wagtail-localize.
"""

import datetime

SAMPLE_NOTE = (
    "Sample content: this framework is a compact example for the demo, to be replaced by the partners’ own "
    "Career Management Skills framework."
)

FRAMEWORK = {
    "slug": "framework",
    "title": "The LE.A.DE.R CMS framework",
    "subtitle": "Four areas of Career Management Skills, described at three levels",
    "summary": "A sample framework of Career Management Skills: four areas, their competences and three levels.",
    "version": "0.1",
    "licence": "CC BY 4.0",
    "source": "The LE.A.DE.R project partners (sample content)",
    "source_url": "https://example.org/leader/framework",
    "citation": "LE.A.DE.R project partners (2017). The LE.A.DE.R CMS framework, sample version 0.1.",
    "introduction": (
        f"<p>{SAMPLE_NOTE}</p>"
        "<p>Career Management Skills help people to understand themselves, to explore learning and work, to make "
        "decisions and to manage transitions throughout their lives.</p>"
    ),
    "theory": (
        "<p>The sample draws on the widely known structure of CMS frameworks in Europe and beyond: personal "
        "management, exploring learning and work, and career building.</p>"
        "<p>It also draws on research on career learning, decision making and lifelong guidance.</p>"
    ),
    "levels": [
        ("Awareness", "The learner knows and recognises the skill."),
        ("Application", "The learner uses the skill with support."),
        ("Mastery", "The learner uses the skill on their own and adapts it to new situations."),
    ],
}

# Each competence has its level descriptors, in a practitioner's words, and its learner statements: the same levels as
# a learner reads them when they assess themselves ("I can …", first person, plain words).
AREAS = [
    {
        "code": "A1",
        "slug": "self-awareness",
        "title": "Self-awareness and personal management",
        "summary": "Knowing and managing yourself: interests, values, strengths and well-being.",
        "body": "This area is about understanding yourself and building the confidence to act.",
        "competences": [
            {
                "code": "A1.1",
                "title": "Know yourself",
                "description": "Recognise your interests, values, strengths and skills.",
                "descriptors": [
                    "Names some of their interests and strengths.",
                    "Links their interests and strengths to possible roles.",
                    "Uses a clear picture of themselves to guide choices.",
                ],
                "statements": [
                    "I can name some of my interests and strengths.",
                    "I can link my interests and strengths to jobs or courses that could suit me.",
                    "I can use a clear picture of myself to make my own choices.",
                ],
            },
            {
                "code": "A1.2",
                "title": "Manage yourself",
                "description": "Build resilience, motivation and a positive self-concept.",
                "descriptors": [
                    "Knows what helps them to stay motivated.",
                    "Copes with setbacks with some support.",
                    "Keeps motivation and well-being through change.",
                ],
                "statements": [
                    "I can say what helps me to stay motivated.",
                    "I can cope with a setback when someone supports me.",
                    "I can stay motivated and look after myself when things change.",
                ],
            },
        ],
    },
    {
        "code": "A2",
        "slug": "exploring-learning-and-work",
        "title": "Exploring learning and work",
        "summary": "Finding, judging and using information about learning and work.",
        "body": "This area is about understanding the world of learning and work and how it changes.",
        "competences": [
            {
                "code": "A2.1",
                "title": "Find and use career information",
                "description": "Look for information about jobs and courses and judge its quality.",
                "descriptors": [
                    "Knows where to find information about jobs and courses.",
                    "Compares information from different sources.",
                    "Judges information critically and uses it to plan.",
                ],
                "statements": [
                    "I can say where to find information about jobs and courses.",
                    "I can compare information about jobs and courses from different sources.",
                    "I can judge whether information is reliable and use it to plan my next steps.",
                ],
            },
            {
                "code": "A2.2",
                "title": "Understand the labour market",
                "description": "Understand how work, sectors and skills needs change.",
                "descriptors": [
                    "Names some sectors and jobs in their area.",
                    "Explains how skills needs are changing.",
                    "Uses labour market trends in their own plans.",
                ],
                "statements": [
                    "I can name some kinds of work and some jobs where I live.",
                    "I can explain how the skills that employers need are changing.",
                    "I can use what I know about changes in work when I make my own plans.",
                ],
            },
        ],
    },
    {
        "code": "A3",
        "slug": "career-decision-making",
        "title": "Career decision making",
        "summary": "Making informed decisions and turning them into plans.",
        "body": "This area is about weighing options, choosing and planning the next steps.",
        "competences": [
            {
                "code": "A3.1",
                "title": "Make career decisions",
                "description": "Weigh options against what matters to you and choose.",
                "descriptors": [
                    "Describes a decision they have made.",
                    "Compares options using clear criteria.",
                    "Makes and reviews decisions with confidence.",
                ],
                "statements": [
                    "I can describe a decision I have made and how I made it.",
                    "I can compare my options using what matters to me.",
                    "I can make decisions with confidence and look back on them to learn.",
                ],
            },
            {
                "code": "A3.2",
                "title": "Set goals and plan",
                "description": "Set realistic goals and plan the steps to reach them.",
                "descriptors": [
                    "States a short-term goal.",
                    "Writes an action plan with steps and dates.",
                    "Adjusts their plans when things change.",
                ],
                "statements": [
                    "I can say what I want to achieve in the next few months.",
                    "I can write an action plan with steps and dates.",
                    "I can change my plans when things change and keep working towards my goals.",
                ],
            },
        ],
    },
    {
        "code": "A4",
        "slug": "career-building-and-transitions",
        "title": "Career building and transitions",
        "summary": "Finding opportunities and managing the moves between learning and work.",
        "body": "This area is about seizing opportunities and moving between learning and work.",
        "competences": [
            {
                "code": "A4.1",
                "title": "Secure opportunities",
                "description": "Apply for jobs and courses and present yourself well.",
                "descriptors": [
                    "Knows the steps of an application.",
                    "Writes a CV and prepares for an interview.",
                    "Presents themselves convincingly in any setting.",
                ],
                "statements": [
                    "I can list the steps of applying for a job or a course.",
                    "I can write my CV and get ready for an interview.",
                    "I can present myself well in any application or interview.",
                ],
            },
            {
                "code": "A4.2",
                "title": "Manage transitions",
                "description": "Prepare for and cope with moves between learning and work.",
                "descriptors": [
                    "Knows that transitions are part of every career.",
                    "Prepares for a coming transition.",
                    "Manages transitions and helps others with theirs.",
                ],
                "statements": [
                    "I can explain that changes between learning and work are part of every career.",
                    "I can get ready for a change that is coming, such as leaving school or starting a new job.",
                    "I can handle changes between learning and work, and help others with theirs.",
                ],
            },
        ],
    },
]

# The learning outcomes reuse the wording of section II, already translated with the home app's demo content.
OUTCOMES = [
    {
        "number": 1,
        "slug": "know-the-framework",
        "title": "1. I know the CMS framework",
        "statement": "I know the CMS framework",
        "expectation": (
            "<p>Integrating theory and research into practice: the expectation is that practitioners make "
            "themselves familiar with the framework and identify the areas they wish to focus on within their "
            "practice. As well as understanding and knowing the framework, they should also ensure they are "
            "familiar with the theory and research that has contributed to the development of the framework and "
            "the evidence that supports its construction.</p>"
        ),
        "helps": [("Explore the CMS framework", "framework")],
    },
    {
        "number": 2,
        "slug": "design-activities-and-programmes",
        "title": "2. I can design career guidance activities and career learning programmes for improving CMS",
        "statement": "I can design career guidance activities and career learning programmes",
        "expectation": (
            "<p>The framework offers a basis from which programmes and learning activities can be developed. "
            "Practitioners can use the framework to assist them in creating innovative approaches to support "
            "their clients and students to develop their skills.</p>"
        ),
        "helps": [
            ("Explore the pilot actions and read the pilot reports", "pilot-actions"),
            ("Explore the CMS framework", "framework"),
        ],
    },
    {
        "number": 3,
        "slug": "build-users-capability",
        "title": (
            "3. I can undertake career development activities for building users’ capability for career management"
        ),
        "statement": "I can undertake career development activities with my clients",
        "expectation": (
            "<p>The framework can be used as a needs analysis to help identify areas for development for clients "
            "and students. Practitioners need to be able to assess how best they can use the CMS framework with "
            "their clients and students.</p>"
        ),
        "helps": [
            ("Find resources in the Matrix", "teaching-resources"),
            ("Explore the CMS framework", "framework"),
        ],
    },
    {
        "number": 4,
        "slug": "review-and-evaluate",
        "title": "4. I can review and evaluate career learning programmes",
        "statement": "I can review and evaluate career learning programmes",
        "expectation": (
            "<p>Reflecting on and learning from practice is key to all professional practice. Practitioners need "
            "to develop strategies that will help them to review the activities they have done so that they can "
            "continue to improve and enhance them.</p>"
        ),
        "helps": [("Explore the pilot actions and read the pilot reports", "pilot-actions")],
    },
]

PILOT_INDEX = {
    "slug": "pilot-actions",
    "title": "Pilot actions",
    "subtitle": "The CMS framework tested in the six partner countries",
    "summary": "How the partners tested the framework with learners in schools, services and learning centres.",
    "introduction": (
        "<p>Each partner tested the CMS framework in a pilot action. Filter them by country, setting or area of "
        "the framework, and read what was done and what was learnt.</p>"
    ),
}

PILOTS = [
    {
        "slug": "career-learning-week-italy",
        "country": "IT",
        "setting": "school",
        "areas": ["A1", "A3"],
        "start": datetime.date(2016, 10, 3),
        "end": datetime.date(2016, 12, 16),
        "participants": 48,
        "title": "A career learning week in an upper secondary school",
        "summary": "Two classes explored their strengths and practised decision making.",
        "organisation": "A partner upper secondary school in Rome",
        "target_group": "Students aged 16 to 18",
        "body": "Students completed a strengths activity, then compared options for their studies after school.",
        "evaluation": "Most students said they felt more confident about their next choice.",
    },
    {
        "slug": "job-club-romania",
        "country": "RO",
        "setting": "employment",
        "areas": ["A2", "A4"],
        "start": datetime.date(2016, 11, 7),
        "end": datetime.date(2017, 2, 24),
        "participants": 32,
        "title": "A job club for young job seekers",
        "summary": "Weekly sessions on labour market information and applications.",
        "organisation": "A county employment agency",
        "target_group": "Young job seekers under 25",
        "body": "Participants met every week to search for vacancies, write CVs and practise interviews.",
        "evaluation": "Twelve participants found a job or a training place within three months.",
    },
    {
        "slug": "career-portfolio-spain",
        "country": "ES",
        "setting": "university",
        "areas": ["A1", "A4"],
        "start": datetime.date(2017, 2, 6),
        "end": datetime.date(2017, 5, 12),
        "participants": 60,
        "title": "Career portfolio workshops at a university",
        "summary": "Students built an e-portfolio to show their skills to employers.",
        "organisation": "A university careers office in Valencia",
        "target_group": "Final-year university students",
        "body": "Three workshops helped students to collect evidence of their skills in an e-portfolio.",
        "evaluation": "Students valued the portfolio; tutors asked for more time for feedback.",
    },
    {
        "slug": "adult-learners-greece",
        "country": "GR",
        "setting": "adult-education",
        "areas": ["A2", "A3"],
        "start": datetime.date(2016, 10, 10),
        "end": datetime.date(2017, 1, 27),
        "participants": 25,
        "title": "Adult learners plan their next step",
        "summary": "Adults returning to learning explored options and made an action plan.",
        "organisation": "A lifelong learning centre in Thessaloniki",
        "target_group": "Adults returning to learning",
        "body": "Learners explored courses and jobs online and wrote a personal action plan.",
        "evaluation": "All learners finished an action plan and most started a course.",
    },
    {
        "slug": "exploring-vocational-education-turkey",
        "country": "TR",
        "setting": "learning-centre",
        "areas": ["A2", "A3"],
        "start": datetime.date(2017, 3, 1),
        "end": datetime.date(2017, 5, 31),
        "participants": 40,
        "title": "Exploring vocational education with young people",
        "summary": "Young people visited workplaces and compared vocational courses.",
        "organisation": "A public education centre in Ankara",
        "target_group": "Young people aged 15 to 20",
        "body": "Groups visited two workplaces and used a decision matrix to compare courses.",
        "evaluation": "Participants said the visits made the choice of a course more concrete.",
    },
    {
        "slug": "career-changers-uk",
        "country": "GB",
        "setting": "adult-education",
        "areas": ["A1", "A2", "A4"],
        "start": datetime.date(2016, 9, 19),
        "end": datetime.date(2016, 12, 9),
        "participants": 18,
        "title": "Labour market information for career changers",
        "summary": "Adults who want to change careers used labour market information to plan.",
        "organisation": "An adult education college in Derby",
        "target_group": "Adults who want to change careers",
        "body": "Six sessions combined a skills audit with research on local labour market information.",
        "evaluation": "Participants found the skills audit the most useful part of the course.",
    },
]
