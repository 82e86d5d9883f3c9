import APICore
import CloudflareAPI

/// The seeded tenant: "Acme Holdings" with two child organizations, and a second root, "Wayne Enterprises".
///
/// Acme Corp sits in Acme Europe with a business profile; the accounts without `managedBy` are outside every
/// organization, so the API refuses their profile and their move (the refusal path the console must show).
enum CloudflareOrganizationCatalogue {
    static let holdings = "Acme Holdings"
    static let europe = "Acme Europe"
    static let americas = "Acme Americas"
    static let wayne = "Wayne Enterprises"

    /// Acme Corp's business profile.
    static let acmeProfile = Cloudflare.AccountProfile(
        businessAddress: "1 Acme Way, Springfield", businessEmail: "billing@acme-corp.example",
        businessName: "Acme Corporation", businessPhone: "+1 (555) 010-2000", externalMetadata: "crm:ACME-0001")

    /// The organizations, parents before their children; ids from their own generator, so no other id moves.
    static func organizations(seed: UInt64, clock: SeedClock) -> [Cloudflare.Organization] {
        var rng = SplitMix64(seed: seed, label: "organizations")
        let specs: [(name: String, parent: String?, days: Int)] = [
            (holdings, nil, 900), (europe, holdings, 700), (americas, holdings, 650), (wayne, nil, 800),
        ]
        var made: [Cloudflare.Organization] = []
        for spec in specs {
            let id = rng.hexID()
            let parent = spec.parent.flatMap { name in made.first { $0.name == name } }
            let tags = (parent?.meta?.hierarchyTags ?? []) + [id]
            made.append(
                Cloudflare.Organization(
                    id: id, name: spec.name, createTime: clock.ago(days: spec.days),
                    meta: .init(hierarchyTags: tags), parent: parent.map { .init(id: $0.id, name: $0.name) }))
        }
        return made
    }
}
