import APICore
import Foundation

extension DemoStore {
    /// The user, with the legacy `organizations` list filled in.
    func currentUser() -> Cloudflare.User {
        var result = user
        result.organizations = userOrganizations()
        return result
    }

    /// Applies the fields of a `PATCH /user` that are set.
    func editUser(_ edit: Cloudflare.UserEdit) -> Cloudflare.User {
        if let value = edit.firstName { user.firstName = value }
        if let value = edit.lastName { user.lastName = value }
        if let value = edit.telephone { user.telephone = value }
        if let value = edit.country { user.country = value }
        if let value = edit.zipcode { user.zipcode = value }
        return currentUser()
    }

    // MARK: Inspection

    /// The demo user as `GET /user` shows it.
    public func demoUser() -> Cloudflare.User { currentUser() }
}
