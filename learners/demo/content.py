"""The English demo content of the open platform: the privacy notice and the path "Improving my Career Management
Skills" with its six steps.

Written for the learners themselves (students, job seekers, adult learners): short sentences, plain words. The other
five languages are in ``translations/<lang>.po`` (msgid: the English text as wagtail-localize extracts it), applied
through wagtail-localize by the ``load_demo`` command.
"""

PRIVACY_NOTICE = {
    "slug": "privacy-notice",
    "title": "Privacy notice",
    "subtitle": "What the open platform keeps about you, why, for how long, and who can see it",
    "summary": "How the platform “Improving my Career Management Skills” uses your data, in plain words.",
    "body": [
        (
            "paragraph",
            "<p>This notice explains what the platform “Improving my Career Management Skills” keeps about you when "
            "you create an account, and what you can do about it. You need an account only to follow the path: "
            "every other page of this site can be read without one.</p>",
        ),
        ("heading", {"text": "Who is responsible", "level": "h2"}),
        (
            "paragraph",
            "<p>The portal is run by its operator on behalf of the LE.A.DE.R partnership. The operator is responsible "
            "for your data. If you have a question about your data, write to the contact address on this site.</p>",
        ),
        ("heading", {"text": "What we keep", "level": "h2"}),
        (
            "paragraph",
            "<p>Your account: your e-mail address, your password (stored only in a scrambled form, a “hash”, that "
            "nobody can turn back into your password), your language, and the dates on which you accepted this "
            "notice and confirmed your age.</p>",
        ),
        (
            "paragraph",
            "<p>What you write and do on the platform: your self-assessments, your reflections, your goals and their "
            "actions, and the steps you have marked as done.</p>",
        ),
        (
            "paragraph",
            "<p>If you turn on two-factor authentication: the secret shared with your authenticator app, and your "
            "recovery codes.</p>",
        ),
        (
            "paragraph",
            "<p>We do not ask for your name, your address or your date of birth.</p>",
        ),
        ("heading", {"text": "Why we keep it", "level": "h2"}),
        (
            "paragraph",
            "<p>Only to let you use the platform: to sign you in, to show you your own work, to suggest resources "
            "from your self-assessment, and to send you the e-mails your account needs (to confirm your address or "
            "to reset your password).</p>",
        ),
        (
            "paragraph",
            "<p>We use it for nothing else: no advertising, no profiling by anyone else, and we never sell it or "
            "share it.</p>",
        ),
        ("heading", {"text": "Who can see it", "level": "h2"}),
        (
            "paragraph",
            "<p>Only you. The partners’ editors and the practitioners who use this site cannot see your account or "
            "what you write.</p>",
        ),
        (
            "paragraph",
            "<p>Later, you will be able to join a practitioner’s group. The group will then see only what you choose "
            "to share with it.</p>",
        ),
        ("heading", {"text": "How long we keep it", "level": "h2"}),
        (
            "paragraph",
            "<p>Until you delete your account. An account whose e-mail address is never confirmed may be removed "
            "after 30 days.</p>",
        ),
        ("heading", {"text": "Your rights", "level": "h2"}),
        (
            "paragraph",
            "<p>You can see everything you have written at any time, download all of it in one file (an export), "
            "correct it, and delete your account with all its data at once. You will find all of this under “My "
            "data” in your space.</p>",
        ),
        (
            "paragraph",
            "<p>If you think that your data is not handled as it should be, you can complain to the data protection "
            "authority of your country.</p>",
        ),
        ("heading", {"text": "What is kept after you delete your account", "level": "h2"}),
        (
            "paragraph",
            "<p>Nothing in the portal’s database: your account and everything you wrote are erased at once, and you "
            "can sign up again with the same e-mail address.</p>",
        ),
        (
            "paragraph",
            "<p>The server’s logs, which record the IP addresses of visits, are kept for up to 30 days. Backups are "
            "overwritten within 30 days.</p>",
        ),
        ("heading", {"text": "How old you must be", "level": "h2"}),
        (
            "paragraph",
            "<p>You must be old enough to agree to this yourself in your country, or be invited by your "
            "practitioner. The age is not the same in every partner country:</p>",
        ),
        (
            "paragraph",
            "<ul><li>Italy: 14</li><li>Spain: 14</li><li>Greece: 15</li><li>Romania: 16</li>"
            "<li>Turkey: if you are under 18, you need your parents’ consent, so ask your practitioner</li>"
            "<li>United Kingdom: 13</li></ul>",
        ),
        (
            "paragraph",
            "<p>If you are not sure, ask your practitioner before you sign up.</p>",
        ),
        ("heading", {"text": "Cookies", "level": "h2"}),
        (
            "paragraph",
            "<p>The platform sets cookies only when you sign in or fill in a form, and only the ones it needs to "
            "work: a session cookie, which keeps you signed in, a security cookie (CSRF), which protects your forms "
            "against other sites, and at times a short-lived cookie that carries a message to the next page.</p>",
        ),
        (
            "paragraph",
            "<p>There are no tracking cookies and no advertising cookies.</p>",
        ),
    ],
}

PATH = {
    "slug": "improving-my-cms",
    "title": "Improving my Career Management Skills",
    "subtitle": "A step-by-step path for students, job seekers and adult learners",
    "summary": (
        "Six steps at your own pace: think about what you expect, assess your career management skills, find what "
        "can help you, explore careers and training, set your goals and look back on what you have learned."
    ),
    "introduction": (
        "<p>This path helps you to take charge of your learning and your work, one step at a time. Go at your own "
        "pace: you can stop whenever you like and come back to the next step later.</p>"
        "<p>Anyone can read the steps. To write your answers, assess yourself and keep your goals, create a free "
        "account: what you write is private, and only you can see it.</p>"
    ),
}

# The seed's six steps, in order. `resources` and `pilot_actions` are slugs of the demo's Matrix resources
# (resources/demo/content.py) and pilot actions (cms_framework/demo/content.py).
STEPS = [
    {
        "slug": "reflect-on-your-expectations",
        "title": "Reflect on your expectations",
        "activity": "reflect",
        "summary": "Think about what you want from your learning and your work, and write it down.",
        "body": [
            "<p>Before you start, take a few minutes to think about where you are now and what you hope for. There "
            "are no right or wrong answers: this is for you.</p>",
            "<p>Think about your studies or your work, what you enjoy, what worries you, and what you would like to "
            "be different a year from now.</p>",
        ],
        "prompt": (
            "What do you expect from the next year of your learning or your work, and what would you like to change?"
        ),
        "resources": ["resource-009", "resource-003"],
        "pilot_actions": [],
    },
    {
        "slug": "assess-your-career-management-skills",
        "title": "Assess your career management skills",
        "activity": "assess",
        "summary": "Go through the skills of the framework and say where you are today.",
        "body": [
            "<p>The self-assessment goes through the four areas of career management skills, one area at a time. For "
            "each skill, choose the sentence that sounds most like you today, or “not sure yet”.</p>",
            "<p>This is not a test, and nobody marks it: it is your own view of yourself. You can take it again "
            "later and see what has changed.</p>",
        ],
        "prompt": "",
        "resources": ["resource-021", "resource-033"],
        "pilot_actions": [],
    },
    {
        "slug": "see-what-can-help-you",
        "title": "See what can help you",
        "activity": "suggestions",
        "summary": "Find activities, websites, videos and tools chosen for the skills you want to work on.",
        "body": [
            "<p>From your self-assessment, the platform suggests resources of the Matrix for the skills where you "
            "placed yourself lowest. Each suggestion tells you why it was chosen.</p>",
            "<p>Pick one or two that look useful, try them, and write down what you learned.</p>",
        ],
        "prompt": "",
        "resources": [],
        "pilot_actions": [],
    },
    {
        "slug": "explore-careers-and-training",
        "title": "Explore careers and training",
        "activity": "explore",
        "summary": "Find out about jobs, sectors and courses that could suit you.",
        "body": [
            "<p>Now look around you: which jobs, sectors and courses match your interests and strengths? Look for "
            "information in more than one place, and ask yourself who wrote it and why.</p>",
            "<p>If you can, talk to people who do the work you are curious about, or visit a workplace. Write down "
            "what you find out.</p>",
        ],
        "prompt": "",
        "resources": ["resource-011", "resource-012", "resource-013", "resource-020", "resource-022"],
        "pilot_actions": ["exploring-vocational-education-turkey", "job-club-romania"],
    },
    {
        "slug": "set-your-goals",
        "title": "Set your goals",
        "activity": "goals",
        "summary": "Turn what you have found out into goals, and your goals into small actions with dates.",
        "body": [
            "<p>Choose one to three goals that matter to you now, such as finding a course, preparing an application "
            "or building a skill. For each goal, write why it matters to you and which skills it works on.</p>",
            "<p>Then break each goal into small actions, each with a date. Mark them as you go: planned, in "
            "progress, done.</p>",
        ],
        "prompt": "",
        "resources": ["resource-005", "resource-035"],
        "pilot_actions": ["adult-learners-greece"],
    },
    {
        "slug": "review-what-you-have-learned",
        "title": "Review what you have learned",
        "activity": "review",
        "summary": "Look back on the path, see what has changed and decide what comes next.",
        "body": [
            "<p>Look back at what you expected at the start, at your self-assessment and at your goals. What went "
            "well? What surprised you?</p>",
            "<p>If you like, take the self-assessment again: your profile will show what has changed since the last "
            "time.</p>",
        ],
        "prompt": "What have you learned about yourself on this path, and what will you do next?",
        "resources": ["resource-040"],
        "pilot_actions": [],
    },
]
