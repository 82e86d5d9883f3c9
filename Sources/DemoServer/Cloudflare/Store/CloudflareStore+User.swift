import APICore
import CloudflareAPI
import Foundation

extension CloudflareStore {
    /// The user, with the legacy `organizations` list filled in.
    func currentUser() -> Cloudflare.User {
        var result = user
        result.organizations = userOrganizations()
        return result
    }

    /// Applies the fields of a `PATCH /user` that are present (`null` clears one).
    func editUser(_ edit: Cloudflare.UserEdit) -> Cloudflare.User {
        // `null` clears a field; an absent one stays as it was.
        if let edit = edit.firstName { user.firstName = edit.value }
        if let edit = edit.lastName { user.lastName = edit.value }
        if let edit = edit.telephone { user.telephone = edit.value }
        if let edit = edit.country { user.country = edit.value }
        if let edit = edit.zipcode { user.zipcode = edit.value }
        return currentUser()
    }

    // MARK: Inspection

    /// The demo user as `GET /user` shows it.
    public func demoUser() -> Cloudflare.User { currentUser() }
}
