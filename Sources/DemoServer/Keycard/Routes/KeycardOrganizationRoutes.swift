import APICore
import Hummingbird
import KeycardAPI

/// `/organizations`, one organization, its invitations and its SSO connection.
struct KeycardOrganizationRoutes {
    let store: KeycardStore

    func register(on organizations: RouterGroup<DemoRequestContext>) {
        organizations.get { request, _ in
            let caller = try await KeycardRoutes.caller(request, store)
            let query = QueryItems(request.uri.query)
            return try KeycardReply.json(
                await store.listOrganizations(caller: caller, page: try KeycardPageRequest(query), query: query))
        }
        organizations.post { request, _ in
            let caller = try await KeycardRoutes.caller(request, store)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.OrganizationBody.self, from: &request)
            return try KeycardReply.json(
                try await store.createOrganization(name: body.name, caller: caller), status: 201)
        }
        organizations.get(":organizationID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let id = try KeycardRoutes.parameter("organizationID", in: context)
            return try KeycardReply.json(
                try await store.organization(id, caller: caller, query: QueryItems(request.uri.query)))
        }
        organizations.patch(":organizationID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let id = try KeycardRoutes.parameter("organizationID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.OrganizationBody.self, from: &request)
            return try KeycardReply.json(try await store.updateOrganization(id, name: body.name, caller: caller))
        }
        registerInvitations(on: organizations)
        registerSSO(on: organizations)
    }

    private func registerInvitations(on organizations: RouterGroup<DemoRequestContext>) {
        organizations.get(":organizationID/invitations") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let id = try KeycardRoutes.parameter("organizationID", in: context)
            let query = QueryItems(request.uri.query)
            return try KeycardReply.json(
                try await store.listInvitations(id, caller: caller, page: try KeycardPageRequest(query), query: query))
        }
        organizations.post(":organizationID/invitations") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let id = try KeycardRoutes.parameter("organizationID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.InvitationCreate.self, from: &request)
            return try KeycardReply.json(try await store.createInvitation(id, body: body, caller: caller), status: 201)
        }
        organizations.delete(":organizationID/invitations/:invitationID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            try await store.revokeInvitation(
                KeycardRoutes.parameter("organizationID", in: context),
                id: KeycardRoutes.parameter("invitationID", in: context), caller: caller)
            return KeycardReply.noContent()
        }
    }

    private func registerSSO(on organizations: RouterGroup<DemoRequestContext>) {
        let path: RouterPath = ":organizationID/sso-connection"
        organizations.get(path) { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let id = try KeycardRoutes.parameter("organizationID", in: context)
            return try KeycardReply.json(
                try await store.ssoConnection(id, caller: caller, query: QueryItems(request.uri.query)))
        }
        organizations.post(path) { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let id = try KeycardRoutes.parameter("organizationID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.SSOConnectionBody.self, from: &request)
            return try KeycardReply.json(try await store.enableSSO(id, body: body, caller: caller), status: 201)
        }
        organizations.patch(path) { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let id = try KeycardRoutes.parameter("organizationID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.SSOConnectionBody.self, from: &request)
            return try KeycardReply.json(try await store.updateSSO(id, body: body, caller: caller))
        }
        organizations.delete(path) { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            try await store.disableSSO(KeycardRoutes.parameter("organizationID", in: context), caller: caller)
            return KeycardReply.noContent()
        }
    }
}
