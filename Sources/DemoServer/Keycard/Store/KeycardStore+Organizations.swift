import APICore
import Foundation
import KeycardAPI

extension KeycardStore {
    /// `GET /organizations`: the organizations the caller belongs to.
    func listOrganizations(caller: KeycardCaller, page: KeycardPageRequest, query: QueryItems)
        -> Keycard.List<Keycard.Organization>
    {
        let visible = organizations.filter { canSee($0, caller: caller) }
        let (items, info) = page.slice(visible, sequence: \.sequence)
        let expand = Self.wantsPermissions(query)
        return Keycard.List(
            items: items.map { organization($0, caller: caller, expand: expand) }, pageInfo: info,
            permissions: expand ? Self.permissions("organizations", write: caller == .user, list: true) : nil)
    }

    /// `GET /organizations/{id}`.
    func organization(_ idOrLabel: String, caller: KeycardCaller, query: QueryItems) throws -> Keycard.Organization {
        let index = try accessibleOrganization(idOrLabel, caller: caller)
        return organization(organizations[index], caller: caller, expand: Self.wantsPermissions(query))
    }

    /// `POST /organizations`: a new organization with the demo user as its administrator.
    func createOrganization(name: String?, caller: KeycardCaller) throws -> Keycard.Organization {
        guard caller == .user else { throw KeycardAPIError.forbidden("Only a user can create an organization") }
        let name = name.flatMap { $0.isEmpty ? nil : $0 } ?? "New organization"
        var label = KeycardCatalogue.label(for: name)
        if organizations.contains(where: { $0.organization.label == label }) { label += "-\(nextSequence)" }
        let now = nowString()
        var record = KeycardOrganizationRecord(
            organization: Keycard.Organization(
                id: newID(), name: name, label: label, ssoEnabled: false, zoneID: newID(), createdAt: now,
                updatedAt: now),
            sequence: takeSequence())
        record.users.append(
            KeycardUserRecord(
                user: Keycard.OrganizationUser(
                    id: userID, email: userEmail, role: OpenEnum(.admin), status: OpenEnum(.active),
                    source: "https://accounts.google.com", createdAt: now, updatedAt: now),
                sequence: takeSequence()))
        organizations.append(record)
        return record.organization
    }

    /// `PATCH /organizations/{id}`.
    func updateOrganization(_ idOrLabel: String, name: String?, caller: KeycardCaller) throws -> Keycard.Organization {
        let index = try accessibleOrganization(idOrLabel, caller: caller, write: true)
        if let name {
            guard !name.isEmpty else { throw KeycardAPIError.invalid("name must not be empty") }
            organizations[index].organization.name = name
            organizations[index].organization.updatedAt = nowString()
        }
        return organizations[index].organization
    }

    /// The wire organization as `caller` sees it.
    private func organization(_ record: KeycardOrganizationRecord, caller: KeycardCaller, expand: Bool)
        -> Keycard.Organization
    {
        var organization = record.organization
        organization.ssoEnabled = record.sso != nil
        if expand {
            organization.permissions = Self.permissions("organizations", write: canWrite(record, caller: caller))
        }
        return organization
    }
}
