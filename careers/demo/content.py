"""The English demo content of the careers: the index and twelve career profiles across the ISCO-08 major groups.

Each profile's ESCO URI and ISCO-08 code are ESCO's own (from ESCO v1.2's occupations file); the profiles' texts
are the editors' and are translated in ``translations/<lang>.po``, which also holds the index's texts and the
navigation's "Careers". ESCO's own labels are not part of the demo: partners import them with `import_esco`.
"""

INDEX = {
    "slug": "careers",
    "title": "Careers",
    "subtitle": "Explore occupations and the career management skills they draw on",
    "summary": (
        "Career profiles written by the partners: what the work is, what it takes, the areas of the framework it "
        "draws on and where to learn more in each partner country."
    ),
    "body": [
        (
            "paragraph",
            "<p>Each profile names its occupation in ESCO, the European classification of occupations, and in "
            "ISCO-08. Filter the list by occupation group, by area of the framework or by a word.</p>",
        ),
    ],
}

# Each partner country's own career information and public employment service, linked from every profile.
COUNTRY_LINKS = [
    ("IT", "information", "Professioni, ISTAT", "https://professioni.istat.it/"),
    ("IT", "jobs", "Cliclavoro", "https://www.cliclavoro.gov.it/"),
    ("RO", "jobs", "ANOFM", "https://www.anofm.ro/"),
    ("ES", "information", "TodoFP", "https://www.todofp.es/"),
    ("ES", "jobs", "SEPE", "https://www.sepe.es/"),
    ("GR", "information", "ΕΟΠΠΕΠ", "https://www.eoppep.gr/"),
    ("GR", "jobs", "ΔΥΠΑ", "https://www.dypa.gov.gr/"),
    ("TR", "information", "MYK", "https://www.myk.gov.tr/"),
    ("TR", "jobs", "İŞKUR", "https://www.iskur.gov.tr/"),
    ("GB", "information", "National Careers Service", "https://nationalcareers.service.gov.uk/"),
    ("GB", "jobs", "Find a job", "https://www.gov.uk/find-a-job"),
]

ESCO = "http://data.europa.eu/esco/occupation/"

# (key, title, ISCO-08 code, ESCO identifier, areas, resource slugs, summary, what the work is, what it takes)
CAREERS = [
    (
        "shop-manager",
        "Shop manager",
        "1420",
        "9e81adde-9983-44fa-b74b-c548d0dbfbdd",
        ["A4"],
        ["resource-028"],
        "Runs a shop and its team.",
        "Shop managers plan the work of a shop, lead its staff, order stock and look after the customers.",
        "Experience in sales, care for people and a head for figures.",
    ),
    (
        "career-guidance-advisor",
        "Career guidance advisor",
        "2423",
        "5d0cc30d-068a-424c-8463-f42872a7149e",
        ["A1", "A3"],
        ["resource-031", "resource-033"],
        "Helps people choose and manage their learning and work.",
        "Career guidance advisors help young people and adults to know themselves, explore learning and work and "
        "make their own career decisions.",
        "A degree in psychology, education or social sciences, and the skill of listening.",
    ),
    (
        "secondary-school-teacher",
        "Secondary school teacher",
        "2330",
        "5efb2c08-ba3a-4659-a2e4-1883f54e77b6",
        ["A1", "A2"],
        ["resource-025"],
        "Teaches a subject to young people in secondary school.",
        "Secondary school teachers prepare and give lessons in their subject, assess their students' progress and "
        "support them as they grow.",
        "A university degree in the subject, teacher training and patience.",
    ),
    (
        "graphic-designer",
        "Graphic designer",
        "2166",
        "69bcbb0a-8d80-4ecd-b0a4-9adea2a40de2",
        ["A1"],
        ["resource-036"],
        "Turns ideas into images, layouts and brands.",
        "Graphic designers create texts and images for print, screens and signs, to inform or to sell.",
        "Creativity, a sense of colour and form, and skill with design software.",
    ),
    (
        "bookkeeper",
        "Bookkeeper",
        "3313",
        "c3aae59e-1441-4b3e-bdd1-6da50dc7cf42",
        ["A2"],
        ["resource-038"],
        "Keeps the financial records of a business.",
        "Bookkeepers record what a business earns and spends, prepare its accounts and check them.",
        "Accuracy, a vocational qualification in accounting and care for detail.",
    ),
    (
        "receptionist",
        "Receptionist",
        "4226",
        "f7b04542-d8c7-42db-8475-e63b507cce82",
        ["A4"],
        ["resource-023"],
        "Welcomes visitors and answers their questions.",
        "Receptionists greet visitors and callers, give information and direct them to the right person.",
        "Friendliness, good communication and, often, a second language.",
    ),
    (
        "cook",
        "Cook",
        "5120",
        "90f75f67-495d-49fa-ab57-2f320e251d7e",
        ["A2", "A4"],
        ["resource-022"],
        "Prepares and cooks food in a kitchen.",
        "Cooks prepare, season and cook dishes in restaurants, hotels, hospitals and canteens.",
        "Vocational training or an apprenticeship, stamina and teamwork.",
    ),
    (
        "shop-sales-assistant",
        "Shop sales assistant",
        "5223",
        "9ba74e8a-c40c-4228-9998-eb3c7a5c11df",
        ["A2"],
        ["resource-018"],
        "Helps customers find and buy what they need.",
        "Shop sales assistants advise customers, sell goods, handle payments and keep the shop in order.",
        "Friendliness, patience and knowledge of the products.",
    ),
    (
        "mixed-farmer",
        "Mixed farmer",
        "6130",
        "1c1e86f9-6347-42d6-aa6e-c95b138bf640",
        ["A3"],
        ["resource-014"],
        "Grows crops and raises animals on a farm.",
        "Mixed farmers plan and carry out the work of a farm that grows crops and raises animals, and sell what "
        "it produces.",
        "Practical knowledge of farming, physical fitness and business sense.",
    ),
    (
        "carpenter",
        "Carpenter",
        "7115",
        "2a22ff9e-de3b-408d-b312-5034896cc4f4",
        ["A3", "A4"],
        ["resource-014", "resource-024"],
        "Builds and fits wooden structures.",
        "Carpenters cut, shape and fit wood and other materials for buildings, roofs, floors and furniture.",
        "An apprenticeship, skill with tools and an eye for precision.",
    ),
    (
        "lorry-driver",
        "Lorry driver",
        "8332",
        "45037d43-a8f5-4f46-b332-b2935bc305f4",
        ["A4"],
        ["resource-030"],
        "Drives heavy goods vehicles over short and long distances.",
        "Lorry drivers transport goods safely and on time, load and unload them and look after their vehicle.",
        "A professional driving licence, concentration and independence.",
    ),
    (
        "building-cleaner",
        "Building cleaner",
        "9112",
        "303a1e34-cb16-4054-b323-81e5eec17397",
        ["A1"],
        ["resource-029"],
        "Keeps offices and buildings clean.",
        "Building cleaners clean offices, hotels and other buildings and keep them tidy and safe.",
        "Reliability, care and the ability to work alone or in a team.",
    ),
]


def career_specs():
    return [
        {
            "key": key,
            "slug": key,
            "title": title,
            "isco_code": isco,
            "esco_uri": ESCO + identifier,
            "areas": areas,
            "resources": resources,
            "summary": summary,
            "work": work,
            "requirements": requirements,
        }
        for key, title, isco, identifier, areas, resources, summary, work, requirements in CAREERS
    ]
