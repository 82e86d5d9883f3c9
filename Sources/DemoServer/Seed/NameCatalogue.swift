/// First and last names for seeded people, each with the ASCII form used in email addresses.
enum NameCatalogue {
    /// (display, ascii) first names.
    static let firstNames: [(String, String)] = [
        ("Jordan", "jordan"), ("Priya", "priya"), ("Mateo", "mateo"), ("Aisha", "aisha"), ("Liam", "liam"),
        ("Sofia", "sofia"), ("Noah", "noah"), ("Mei", "mei"), ("Lukas", "lukas"), ("Amara", "amara"),
        ("Ethan", "ethan"), ("Chloé", "chloe"), ("Kenji", "kenji"), ("Zoë", "zoe"), ("Oliver", "oliver"),
        ("Fatima", "fatima"), ("Mason", "mason"), ("Isabella", "isabella"), ("José", "jose"), ("Hannah", "hannah"),
        ("Arjun", "arjun"), ("Emma", "emma"), ("Björn", "bjorn"), ("Nia", "nia"), ("Diego", "diego"),
        ("Olga", "olga"), ("Samuel", "samuel"), ("Yuki", "yuki"), ("Grace", "grace"), ("Mohammed", "mohammed"),
        ("Léa", "lea"), ("Daniel", "daniel"), ("Siobhán", "siobhan"), ("Tomás", "tomas"), ("Ava", "ava"),
        ("Rahul", "rahul"), ("Ingrid", "ingrid"), ("Kwame", "kwame"), ("Elena", "elena"), ("Hiroshi", "hiroshi"),
        ("Camila", "camila"), ("Henry", "henry"), ("Ngozi", "ngozi"), ("Łukasz", "lukasz"), ("Maya", "maya"),
        ("Finn", "finn"), ("Anjali", "anjali"), ("Rafael", "rafael"), ("Astrid", "astrid"), ("Chen", "chen"),
        ("Marta", "marta"), ("Caleb", "caleb"), ("Imani", "imani"), ("Pavel", "pavel"), ("Leila", "leila"),
        ("Oscar", "oscar"), ("Ji-woo", "jiwoo"), ("Renée", "renee"), ("Tariq", "tariq"), ("Freya", "freya"),
    ]

    /// (display, ascii) last names.
    static let lastNames: [(String, String)] = [
        ("Smith", "smith"), ("Patel", "patel"), ("García", "garcia"), ("Okafor", "okafor"), ("Nguyễn", "nguyen"),
        ("Müller", "muller"), ("Kim", "kim"), ("Rossi", "rossi"), ("Johansson", "johansson"), ("Silva", "silva"),
        ("Tanaka", "tanaka"), ("O'Brien", "obrien"), ("Kowalski", "kowalski"), ("Haddad", "haddad"), ("Brown", "brown"),
        ("Dubois", "dubois"), ("Ivanova", "ivanova"), ("Mensah", "mensah"), ("Chen", "chen"),
        ("Fernández", "fernandez"),
        ("Wilson", "wilson"), ("Schneider", "schneider"), ("Sato", "sato"), ("Andersen", "andersen"), ("Khan", "khan"),
        ("Lopez", "lopez"), ("Novak", "novak"), ("Adeyemi", "adeyemi"), ("Park", "park"), ("Moreau", "moreau"),
        ("Taylor", "taylor"), ("Costa", "costa"), ("Yilmaz", "yilmaz"), ("Walsh", "walsh"), ("Nakamura", "nakamura"),
        ("Jensen", "jensen"), ("Singh", "singh"), ("Van der Berg", "vanderberg"), ("Ahmed", "ahmed"),
        ("Clarke", "clarke"),
        ("Bianchi", "bianchi"), ("Eriksson", "eriksson"), ("Mbeki", "mbeki"), ("Reyes", "reyes"), ("Wright", "wright"),
        ("Horvath", "horvath"), ("Lindqvist", "lindqvist"), ("Cohen", "cohen"), ("Gonzalez", "gonzalez"),
        ("Ward", "ward"),
    ]
}
