import APICore
import Hummingbird
import OpenAIAdminAPI

/// `/organization/users` (with each user's role assignments) and the role catalogue `/organization/roles`.
struct OpenAIUserRoutes {
    let store: OpenAIStore

    /// Role lists default to (and allow up to) 1000 items.
    static let roleLimit = 1000

    func register(on organization: RouterGroup<DemoRequestContext>) {
        let users = organization.group("users")
        users.get { request, _ in
            let query = QueryItems(request.uri.query)
            let emails = query.all("emails[]") + query.all("emails")
            return try OpenAIReply.list(
                await store.listUsers(OpenAIListQuery(query), emails: emails), cursor: .lastID)
        }
        users.get(":userID") { _, context in
            try OpenAIReply.object(await store.user(OpenAIRoutes.parameter("userID", in: context)))
        }
        users.post(":userID") { request, context in
            let id = try OpenAIRoutes.parameter("userID", in: context)
            _ = try await store.user(id)
            let body = try await OpenAIBodyDecoder.decode(OpenAIAdmin.UserUpdate.self, from: request)
            return try OpenAIReply.object(await store.modifyUser(id, body: body))
        }
        users.delete(":userID") { _, context in
            try OpenAIReply.object(await store.deleteUser(OpenAIRoutes.parameter("userID", in: context)))
        }
        registerAssignments(on: users.group(":userID/roles"))

        let roles = organization.group("roles")
        roles.get { request, _ in
            let query = try OpenAIListQuery(
                QueryItems(request.uri.query), defaultLimit: Self.roleLimit, maximum: Self.roleLimit)
            return try OpenAIReply.list(await store.listRoles(query), cursor: .next)
        }
        roles.get(":roleID") { _, context in
            try OpenAIReply.object(await store.catalogueRole(OpenAIRoutes.parameter("roleID", in: context)))
        }
    }

    private func registerAssignments(on roles: RouterGroup<DemoRequestContext>) {
        roles.get { request, context in
            let query = try OpenAIListQuery(
                QueryItems(request.uri.query), defaultLimit: Self.roleLimit, maximum: Self.roleLimit)
            return try OpenAIReply.list(
                await store.listAssignments(userID: OpenAIRoutes.parameter("userID", in: context), query: query),
                cursor: .next)
        }
        roles.post { request, context in
            let userID = try OpenAIRoutes.parameter("userID", in: context)
            _ = try await store.user(userID)
            let body = try await OpenAIBodyDecoder.decode(OpenAIAdmin.RoleAssignmentCreate.self, from: request)
            return try OpenAIReply.object(await store.assign(roleID: body.roleID, to: userID))
        }
        roles.get(":roleID") { _, context in
            try OpenAIReply.object(
                await store.assignment(
                    userID: OpenAIRoutes.parameter("userID", in: context),
                    roleID: OpenAIRoutes.parameter("roleID", in: context)))
        }
        roles.delete(":roleID") { _, context in
            try OpenAIReply.object(
                await store.unassign(
                    roleID: OpenAIRoutes.parameter("roleID", in: context),
                    from: OpenAIRoutes.parameter("userID", in: context)))
        }
    }
}
