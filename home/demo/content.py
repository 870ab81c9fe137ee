"""The English demo content: the seed's topic outline as pages, navigation and footer.

The other five languages are translations of these strings, kept as PO files in ``translations/`` and applied
through wagtail-localize by the ``load_demo`` command. Body blocks carry fixed ids so that a second load updates the
same segments instead of creating new ones.
"""

HOME = {
    "title": "Career Management Skills for guidance practitioners",
    "seo_title": "LE.A.DE.R: Career Management Skills for guidance practitioners",
    "search_description": (
        "An open platform of learning and guidance resources on Career Management Skills for guidance "
        "practitioners, tutors and teachers."
    ),
    "subtitle": "The LE.A.DE.R open platform: LEarning And DEcision making Resources",
    "summary": "Developing Career Management Skills (CMS) is the main goal of lifelong career guidance.",
    "introduction": (
        "<p>Developing Career Management Skills (CMS) is the main goal of lifelong career guidance. The LE.A.DE.R "
        "project offers an open platform for guidance practitioners, tutors and teachers with learning and guidance "
        "resources.</p>"
        "<p>This platform lets practitioners improve their professional competences and supports the design of "
        "career learning paths and guidance activities within schools, employment services and learning centres, "
        "career guidance offices of universities and adult education institutions.</p>"
    ),
}

IMAGE_ALT = "Four stepping stones rising from left to right, a symbol of lifelong career learning and career building"
IMAGE_CAPTION = "From choosing a career to lifelong career building."
DOCUMENT_TITLE = "LE.A.DE.R topic outline (plain text)"
DOCUMENT_DESCRIPTION = "The outline of the open platform as the project partners wrote it, in English."

SECTIONS = [
    {
        "slug": "introduction",
        "title": "I – Introduction",
        "subtitle": "Understanding Career Management Skills: a new framework for career learning and lifelong guidance",
        "summary": (
            "Why Career Management Skills matter at any age, what lifelong guidance means in Europe, and what the "
            "2004 and 2008 Council Resolutions ask of guidance services."
        ),
        "body": [
            ("heading", {"text": "From choosing a career to lifelong career building", "level": "h2"}),
            (
                "paragraph",
                "<p>Job search and career management will become the main future challenges for most people, at any "
                "age. Career guidance is an essential component of modern education and training systems to "
                "(re-)orientate younger and older generations towards the acquisition of 21st century skills. The key "
                "concept of “Career Management Skills” has shifted the traditional paradigm, from “choosing a career” "
                "to “lifelong career learning and lifelong career building”.</p>",
            ),
            ("image", {"alt_text": IMAGE_ALT, "caption": IMAGE_CAPTION}),
            ("heading", {"text": "Lifelong guidance in Europe", "level": "h2"}),
            (
                "paragraph",
                "<p>Lifelong guidance has been receiving increasing attention at both European and national levels, "
                "and the concept of Career Management Skills becomes a crucial focus for the design and the "
                "implementation of more effective services and practices. Two Resolutions of the Education Council "
                "(in 2004 and 2008) have highlighted the need for strong guidance services throughout the lifespan to "
                "equip citizens with the skills to manage their learning and careers and to lead the transitions "
                "between and within education/training and work.</p>",
            ),
            ("heading", {"text": "A new approach for practitioners", "level": "h2"}),
            (
                "quote",
                {
                    "quote": (
                        "The new approach of career guidance, based on the concept of career management skills, "
                        "requests the competences of integrating theory and research into practice, of undertaking "
                        "career development activities and of developing and delivering career learning programmes."
                    ),
                    "attribution": "The LE.A.DE.R project partners",
                },
            ),
            (
                "call_to_action",
                {
                    "text": "Read the learning outcomes for practitioners",
                    "description": "Four learning outcomes turn this approach into the competences of a practitioner.",
                    "page": "cms-emerging-needs",
                },
            ),
        ],
    },
    {
        "slug": "cms-emerging-needs",
        "title": "II – CMS emerging needs",
        "subtitle": "Learning and decision making resources for career guidance",
        "summary": (
            "The four learning outcomes for career guidance practitioners: know the framework, design activities and "
            "programmes, build users' capability, and review and evaluate programmes."
        ),
        "body": [
            (
                "paragraph",
                "<p>In order to develop consistency for those who are using the LE.A.DE.R CMS framework, learning "
                "outcomes have been established. These provide the basis for good practice in the development of "
                "careers practitioners and can be equally applied to developing the skills and knowledge of "
                "practitioners relating to CMS.</p>",
            ),
            ("heading", {"text": "The learning outcomes for career guidance practitioners", "level": "h2"}),
            ("heading", {"text": "1. I know the CMS framework", "level": "h3"}),
            (
                "paragraph",
                "<p>Integrating theory and research into practice: the expectation is that practitioners make "
                "themselves familiar with the framework and identify the areas they wish to focus on within their "
                "practice. As well as understanding and knowing the framework, they should also ensure they are "
                "familiar with the theory and research that has contributed to the development of the framework and "
                "the evidence that supports its construction.</p>",
            ),
            (
                "heading",
                {
                    "text": (
                        "2. I can design career guidance activities and career learning programmes for improving CMS"
                    ),
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                "<p>The framework offers a basis from which programmes and learning activities can be developed. "
                "Practitioners can use the framework to assist them in creating innovative approaches to support "
                "their clients and students to develop their skills.</p>",
            ),
            (
                "call_to_action",
                {
                    "text": "Explore the pilot actions and the Matrix of resources",
                    "description": "The partners tested the framework in pilot actions in all six countries.",
                    "page": "teaching-resources",
                },
            ),
            (
                "heading",
                {
                    "text": (
                        "3. I can undertake career development activities for building users’ capability "
                        "for career management"
                    ),
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                "<p>The framework can be used as a needs analysis to help identify areas for development for clients "
                "and students. Practitioners need to be able to assess how best they can use the CMS framework with "
                "their clients and students.</p>",
            ),
            ("heading", {"text": "4. I can review and evaluate career learning programmes", "level": "h3"}),
            (
                "paragraph",
                "<p>Reflecting on and learning from practice is key to all professional practice. Practitioners need "
                "to develop strategies that will help them to review the activities they have done so that they can "
                "continue to improve and enhance them.</p>",
            ),
        ],
    },
    {
        "slug": "open-platform",
        "title": "IV – Open platform for users",
        "subtitle": "Improving my Career Management Skills - resources for users",
        "summary": (
            "An e-learning environment, open to users too, where people reflect on their expectations, keep an "
            "e-portfolio and explore careers and training with a practitioner."
        ),
        "body": [
            (
                "paragraph",
                "<p>The last step is an e-learning environment open also to users, named “Improving my Career "
                "Management Skills”, that has been designed for training CMS and for improving online cooperative "
                "learning processes with direct users.</p>",
            ),
            (
                "paragraph",
                "<p>Using this platform step by step with students and users fosters the learning process of "
                "practitioners. Practitioners, tutors and teachers learn how to support users and students to reflect "
                "on their own expectations, create their own e-portfolio, and explore new careers and training "
                "opportunities.</p>",
            ),
            (
                "call_to_action",
                {
                    "text": "Access to the platform",
                    "description": (
                        "Follow “Improving my Career Management Skills” step by step: reflect on your expectations, "
                        "assess your skills, find the resources that fit you and set your goals."
                    ),
                    # The open platform's path, made by the learners app's demo (load_demo passes it by slug).
                    "page": "improving-my-cms",
                },
            ),
        ],
    },
    {
        "slug": "documents",
        "title": "More resources and documents",
        "subtitle": "The documents of the LE.A.DE.R project",
        "summary": "Reports, outlines and other documents of the project, to read online or download.",
        "body": [
            (
                "paragraph",
                "<p>This library gathers the documents of the LE.A.DE.R project. Partner editors add the pilot report, "
                "the framework and the national materials here as they publish them.</p>",
            ),
            ("document", {"title": DOCUMENT_TITLE, "description": DOCUMENT_DESCRIPTION}),
        ],
    },
]

NAVIGATION = [
    ("Home", None),
    ("Introduction", "introduction"),
    ("CMS emerging needs", "cms-emerging-needs"),
    ("Framework", "framework"),
    ("Pilot actions", "pilot-actions"),
    ("Teaching resources", "teaching-resources"),
    ("Open platform", "open-platform"),
    ("Documents", "documents"),
]

FOOTER_TEXT = (
    "<p>LE.A.DE.R (LEarning And DEcision making Resources) is an Erasmus+ strategic partnership of Italy, Romania, "
    "Spain, Greece, Turkey and the United Kingdom, 2014–2017.</p>"
)
FOOTER_LINKS = [
    ("About Career Management Skills", "introduction"),
    ("Documents", "documents"),
    ("Privacy notice", "privacy-notice"),  # the learners app's demo makes it
]
