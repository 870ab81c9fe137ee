"""The English demo content: the seed's topic outline as pages, the trust pages (accessibility, privacy, legal notice,
contact), navigation and footer.

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
        "title": "Introduction",
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
        "title": "CMS emerging needs",
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
        "title": "Open platform for users",
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
    ("Careers", "careers"),
    ("Training", "training"),
    ("Open platform", "open-platform"),
    ("Documents", "documents"),
]

TODO = "[To be completed by the partners: {}]"  # a placeholder the partners must fill before the portal goes live
EC_ACCESSIBILITY_URL = "https://digital-strategy.ec.europa.eu/en/policies/web-accessibility"

# The trust pages: under the home page, out of the outline, linked from the footer.
TRUST_PAGES = [
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "subtitle": "How accessible this portal is, and how to tell us about a barrier",
        "summary": (
            "Our commitment to an accessible portal, the content that does not meet the standard yet, and how to "
            "report a problem."
        ),
        "body": [
            (
                "paragraph",
                "<p>The LE.A.DE.R partnership is committed to making this portal accessible, in accordance with "
                "Directive (EU) 2016/2102 of the European Parliament and of the Council on the accessibility of the "
                "websites and mobile applications of public sector bodies. This accessibility statement applies to "
                "the LE.A.DE.R Career Management Skills Portal in all six of its languages.</p>",
            ),
            ("heading", {"text": "Compliance status", "level": "h2"}),
            (
                "paragraph",
                "<p>This portal is partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1 at "
                "level AA and with the European standard EN 301 549, because of the non-compliances listed "
                "below.</p>",
            ),
            ("heading", {"text": "Non-accessible content", "level": "h2"}),
            ("paragraph", "<p>The content listed below is not accessible, for the following reasons:</p>"),
            (
                "paragraph",
                "<ul><li>Documents that the partners upload, such as pilot reports and national materials, may not "
                "be accessible: older PDF files in particular may lack headings, a reading order or text alternatives "
                "for their images.</li>"
                "<li>The websites, videos and career tools of other organisations that the Matrix of resources links "
                "to are not under our control and may not be accessible; some videos have no captions.</li>"
                "<li>Not every page has been checked with a screen reader in every language yet.</li></ul>",
            ),
            (
                "paragraph",
                "<p>If you need a document in an accessible format, ask us and we will send you an accessible version "
                "or the same information in another form.</p>",
            ),
            ("heading", {"text": "Preparation of this accessibility statement", "level": "h2"}),
            (
                "paragraph",
                "<p>This statement was prepared on " + TODO.format("the date of publication") + ". It is based on "
                "a self-assessment by the team that builds the portal: automated checks of every type of page in the "
                "six languages with axe-core, the Nu Html Checker and Lighthouse, and manual checks with the keyboard "
                "alone and on a screen 320 pixels wide. It was last reviewed on "
                + TODO.format("the date of the last review")
                + ".</p>",
            ),
            ("heading", {"text": "Feedback and contact information", "level": "h2"}),
            (
                "paragraph",
                "<p>If you find a barrier on this portal, or need content in an accessible format, please tell us: "
                "write to " + TODO.format("the e-mail address for accessibility feedback") + ". Tell us which page "
                "you were on and what went wrong. We aim to reply within 10 working days.</p>",
            ),
            (
                "call_to_action",
                {
                    "text": "Contact the partnership",
                    "description": "Our postal address and the partners of each country.",
                    "page": "contact",
                },
            ),
            ("heading", {"text": "Enforcement procedure", "level": "h2"}),
            (
                "paragraph",
                "<p>If you are not satisfied with our reply, you can turn to the body that enforces the Web "
                "Accessibility Directive in your country. Each member state of the European Union has its own body; "
                f'the European Commission’s page on <a href="{EC_ACCESSIBILITY_URL}">web accessibility</a> leads '
                "to the list of them.</p>",
            ),
            (
                "paragraph",
                "<p>The United Kingdom has left the European Union. There, the Public Sector Bodies (Websites and "
                "Mobile Applications) Accessibility Regulations 2018 apply; they are enforced by the Equality and "
                "Human Rights Commission in Great Britain and by the Equality Commission for Northern Ireland.</p>",
            ),
            (
                "paragraph",
                "<p>Turkey is not a member state of the European Union, so the directive and its enforcement "
                "procedure do not apply there. Readers in Turkey can still write to us, and we answer every report in "
                "the same way.</p>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy and cookies",
        "subtitle": "What the portal stores about its visitors",
        "summary": "What is recorded when you read the portal, the few cookies it needs, and your rights.",
        "body": [
            (
                "paragraph",
                "<p>This notice explains what the LE.A.DE.R Career Management Skills Portal stores about the people "
                "who read it. The platform “Improving my Career Management Skills”, for which you can create an "
                "account, has a privacy notice of its own.</p>",
            ),
            (
                "call_to_action",
                {
                    "text": "Read the privacy notice of the learners’ accounts",
                    "description": "What the open platform keeps when you create an account, and your rights over it.",
                    "page": "privacy-notice",
                },
            ),
            ("heading", {"text": "Who is responsible", "level": "h2"}),
            (
                "paragraph",
                "<p>The controller of your data is "
                + TODO.format("the name, postal address and e-mail address of the organisation that runs the portal")
                + ". "
                + TODO.format("the contact details of its data protection officer, if it has one")
                + ".</p>",
            ),
            ("heading", {"text": "When you read the portal", "level": "h2"}),
            (
                "paragraph",
                "<p>You can read every public page without an account. The portal uses no analytics and no "
                "advertising, and it loads nothing from other sites: no fonts, no scripts, no videos.</p>",
            ),
            (
                "paragraph",
                "<p>Like every web server, ours records each request in its logs: the IP address, the date and time, "
                "the page asked for and the description the browser gives of itself. The logs serve only to keep the "
                "portal running and secure; they are kept for up to 30 days and then deleted.</p>",
            ),
            ("heading", {"text": "Cookies", "level": "h2"}),
            (
                "paragraph",
                "<p>Reading the portal sets no cookie. Cookies are set only when you send a form or sign in: a "
                "security cookie (CSRF) that protects forms against other sites, a session cookie while you are "
                "signed in, and at times a short-lived cookie that carries a message to the next page. The portal "
                "needs them to work, so they do not need your consent. There are no tracking cookies and no "
                "advertising cookies.</p>",
            ),
            ("heading", {"text": "Editors’ accounts", "level": "h2"}),
            (
                "paragraph",
                "<p>The partners’ editors have accounts in the portal’s administration. Their names, e-mail addresses "
                "and the changes they make to the pages are kept while they work on the portal, so that every change "
                "can be traced.</p>",
            ),
            ("heading", {"text": "Your rights", "level": "h2"}),
            (
                "paragraph",
                "<p>You have the right to see the data about you, to have it corrected or erased, to restrict or "
                "object to its use, and to complain to the data protection authority of your country. Write to the "
                "controller at the address above.</p>",
            ),
        ],
    },
    {
        "slug": "legal-notice",
        "title": "Legal notice",
        "subtitle": "Who publishes this portal, and on what terms",
        "summary": "The publisher, the funding of the project and the licence of the content.",
        "body": [
            ("heading", {"text": "Publisher", "level": "h2"}),
            (
                "paragraph",
                "<p>This portal is published by the LE.A.DE.R partnership (LEarning And DEcision making Resources), "
                "an Erasmus+ strategic partnership of organisations from Italy, Romania, Spain, Greece, Turkey and "
                "the United Kingdom, 2014–2017.</p>",
            ),
            (
                "paragraph",
                "<p>Coordinator: "
                + TODO.format(
                    "the name, legal form, postal address, e-mail address and registration number of the "
                    "coordinating organisation"
                )
                + ".</p>",
            ),
            (
                "paragraph",
                "<p>Project number: " + TODO.format("the Erasmus+ grant agreement number of the project") + ".</p>",
            ),
            ("heading", {"text": "Funding", "level": "h2"}),
            (
                "paragraph",
                "<p>The project was co-funded by the Erasmus+ Programme of the European Union. The disclaimer at the "
                "foot of every page applies to the whole portal.</p>",
            ),
            ("heading", {"text": "Licence of the content", "level": "h2"}),
            (
                "paragraph",
                "<p>Unless a page says otherwise, the texts of this portal are published under the Creative Commons "
                "Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0): you may share and adapt them, if "
                "you name the LE.A.DE.R partnership as their source and share your adaptations under the same "
                "licence. " + TODO.format("confirm this licence, or name the one the partnership chose") + ".</p>",
            ),
            (
                "paragraph",
                "<p>The resources of other organisations that the Matrix links to keep their own authors’ terms.</p>",
            ),
            ("heading", {"text": "Links to other websites", "level": "h2"}),
            (
                "paragraph",
                "<p>The portal links to the websites of other organisations. The partners choose them with care, but "
                "they are not responsible for their content, which can change without notice.</p>",
            ),
        ],
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "subtitle": "How to reach the LE.A.DE.R partnership",
        "summary": "Write to the partnership about the portal, its content or the project.",
        "body": [
            (
                "paragraph",
                "<p>For questions about the portal, its content or the LE.A.DE.R project, write to the "
                "partnership.</p>",
            ),
            (
                "paragraph",
                "<ul><li>E-mail: " + TODO.format("the portal’s contact e-mail address") + "</li>"
                "<li>Post: " + TODO.format("the postal address of the coordinator") + "</li></ul>",
            ),
            ("heading", {"text": "In your language", "level": "h2"}),
            (
                "paragraph",
                "<p>The partner of each country answers in its own language: "
                + TODO.format(
                    "for Italy, Romania, Spain, Greece, Turkey and the United Kingdom, the name and e-mail address "
                    "of the national partner"
                )
                + ".</p>",
            ),
            ("heading", {"text": "Accessibility and your data", "level": "h2"}),
            (
                "paragraph",
                "<p>You can also use these addresses to report an accessibility barrier or to exercise your rights "
                "over your data; the accessibility statement and the privacy notice say more.</p>",
            ),
        ],
    },
]

FOOTER_TEXT = (
    "<p>LE.A.DE.R (LEarning And DEcision making Resources) is an Erasmus+ strategic partnership of Italy, Romania, "
    "Spain, Greece, Turkey and the United Kingdom, 2014–2017.</p>"
)
# The funding statement of the 2014–2020 Erasmus+ programme and the Commission's standard disclaimer.
FUNDING_STATEMENT = "Co-funded by the Erasmus+ Programme of the European Union"
DISCLAIMER = (
    "The European Commission support for the production of this publication does not constitute an endorsement of "
    "the contents which reflects the views only of the authors, and the Commission cannot be held responsible for "
    "any use which may be made of the information contained therein."
)
FOOTER_LINKS = [
    ("About Career Management Skills", "introduction"),
    ("Documents", "documents"),
    ("Accessibility statement", "accessibility"),
    ("Privacy and cookies", "privacy"),
    ("Privacy notice", "privacy-notice"),  # the learners' accounts; the learners app's demo makes it
    ("Legal notice", "legal-notice"),
    ("Contact", "contact"),
]
