import APICore
import CloudflareAPI

extension CloudflareStore {
    /// Creates an account with the standard roles; the demo user joins it as its first (accepted) member.
    func createAccount(_ body: Cloudflare.AccountCreate) throws -> Cloudflare.Account {
        let name = body.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw DemoAPIError.invalidBody("name must not be empty") }
        if let type = body.type, type.value == nil {
            throw DemoAPIError.invalidBody("type must be standard or enterprise")
        }
        let account = Cloudflare.Account(
            id: newID(), name: name, type: body.type ?? OpenEnum(.standard), createdOn: nowString())
        let roles = CloudflareRoleCatalogue.roles(using: &idGenerator)
        var record = CloudflareAccountRecord(account: account, roles: roles)
        let member = Cloudflare.Member(
            id: newID(), email: user.email, status: OpenEnum(.accepted),
            user: .init(email: user.email, id: user.id, firstName: user.firstName, lastName: user.lastName),
            roles: Array(record.roles.prefix(1)))
        record.append(member)
        record.userMemberID = member.id
        accounts[record.id] = record
        accountOrder.append(record.id)
        return account
    }

    /// Deletes an account with everything under it.
    func deleteAccount(_ id: String) throws {
        _ = try accountRecord(id)
        accounts[id] = nil
        accountOrder.removeAll { $0 == id }
    }
}
