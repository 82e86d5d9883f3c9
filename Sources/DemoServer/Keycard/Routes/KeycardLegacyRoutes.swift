import APICore
import Hummingbird
import KeycardAPI

/// The endpoints newer servers dropped: `…/users`, `…/roles`, `…/identities`, `…/token`. The store answers them
/// with 404 while `legacyEndpointsEnabled` is off.
struct KeycardLegacyRoutes {
    let store: KeycardStore

    func register(on organization: RouterGroup<DemoRequestContext>) {
        organization.get("users") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let query = QueryItems(request.uri.query)
            return try KeycardReply.json(
                try await store.listUsers(
                    KeycardRoutes.parameter("organizationID", in: context), caller: caller,
                    page: try KeycardPageRequest(query), query: query))
        }
        organization.get("users/:userID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, id) = try Self.ids(context)
            return try KeycardReply.json(try await store.user(organization, id: id, caller: caller))
        }
        organization.patch("users/:userID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, id) = try Self.ids(context)
            try await store.requireLegacyEndpoints()
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.OrganizationUserUpdate.self, from: &request)
            return try KeycardReply.json(try await store.updateUser(organization, id: id, body: body, caller: caller))
        }
        organization.delete("users/:userID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, id) = try Self.ids(context)
            try await store.removeUser(organization, id: id, caller: caller)
            return KeycardReply.noContent()
        }
        organization.get("roles") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            return try KeycardReply.json(
                try await store.roles(
                    KeycardRoutes.parameter("organizationID", in: context), caller: caller,
                    query: QueryItems(request.uri.query)))
        }
        organization.get("identities") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let query = QueryItems(request.uri.query)
            return try KeycardReply.json(
                try await store.identities(
                    KeycardRoutes.parameter("organizationID", in: context), caller: caller,
                    page: try KeycardPageRequest(query), query: query))
        }
        organization.post("token") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            return try KeycardReply.json(
                try await store.exchangeToken(KeycardRoutes.parameter("organizationID", in: context), caller: caller))
        }
    }

    private static func ids(_ context: DemoRequestContext) throws -> (organization: String, user: String) {
        (try KeycardRoutes.parameter("organizationID", in: context), try KeycardRoutes.parameter("userID", in: context))
    }
}
