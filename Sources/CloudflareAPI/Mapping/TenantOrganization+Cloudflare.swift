import APICore

extension TenantOrganization {
    /// The organization a Cloudflare wire organization describes (a missing name shows the id).
    public init(cloudflare organization: Cloudflare.Organization) {
        self.init(
            id: organization.id, name: organization.name.flatMap { $0.isEmpty ? nil : $0 } ?? organization.id,
            parentID: organization.parent?.id, parentName: organization.parent?.name)
    }
}
