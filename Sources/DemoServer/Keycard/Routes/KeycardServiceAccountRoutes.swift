import APICore
import Hummingbird
import KeycardAPI

/// `/organizations/{id}/service-accounts…` and their credentials.
struct KeycardServiceAccountRoutes {
    let store: KeycardStore

    func register(on accounts: RouterGroup<DemoRequestContext>) {
        accounts.get { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let query = QueryItems(request.uri.query)
            return try KeycardReply.json(
                try await store.listServiceAccounts(
                    KeycardRoutes.parameter("organizationID", in: context), caller: caller,
                    page: try KeycardPageRequest(query), query: query))
        }
        accounts.post { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let organization = try KeycardRoutes.parameter("organizationID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.NameBody.self, from: &request)
            return try KeycardReply.json(
                try await store.createServiceAccount(organization, body: body, caller: caller), status: 201)
        }
        accounts.get(":serviceAccountID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            return try KeycardReply.json(
                try await store.serviceAccount(
                    KeycardRoutes.parameter("organizationID", in: context),
                    id: KeycardRoutes.parameter("serviceAccountID", in: context), caller: caller,
                    query: QueryItems(request.uri.query)))
        }
        accounts.patch(":serviceAccountID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, id) = try Self.ids(context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.NameBody.self, from: &request)
            return try KeycardReply.json(
                try await store.updateServiceAccount(organization, id: id, body: body, caller: caller))
        }
        accounts.delete(":serviceAccountID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, id) = try Self.ids(context)
            try await store.deleteServiceAccount(organization, id: id, caller: caller)
            return KeycardReply.noContent()
        }
        registerCredentials(on: accounts.group(":serviceAccountID/credentials"))
    }

    private func registerCredentials(on credentials: RouterGroup<DemoRequestContext>) {
        credentials.get { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, account) = try Self.ids(context)
            let query = QueryItems(request.uri.query)
            return try KeycardReply.json(
                try await store.listCredentials(
                    organization, serviceAccountID: account, caller: caller, page: try KeycardPageRequest(query),
                    query: query))
        }
        credentials.post { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, account) = try Self.ids(context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.NameBody.self, from: &request)
            return try KeycardReply.json(
                try await store.createCredential(organization, serviceAccountID: account, body: body, caller: caller),
                status: 201)
        }
        credentials.get(":credentialID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, account) = try Self.ids(context)
            return try KeycardReply.json(
                try await store.credential(
                    organization, serviceAccountID: account, id: KeycardRoutes.parameter("credentialID", in: context),
                    caller: caller, query: QueryItems(request.uri.query)))
        }
        credentials.patch(":credentialID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, account) = try Self.ids(context)
            let id = try KeycardRoutes.parameter("credentialID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Keycard.NameBody.self, from: &request)
            return try KeycardReply.json(
                try await store.updateCredential(
                    organization, serviceAccountID: account, id: id, body: body, caller: caller))
        }
        credentials.delete(":credentialID") { request, context in
            let caller = try await KeycardRoutes.caller(request, store)
            let (organization, account) = try Self.ids(context)
            try await store.deleteCredential(
                organization, serviceAccountID: account, id: KeycardRoutes.parameter("credentialID", in: context),
                caller: caller)
            return KeycardReply.noContent()
        }
    }

    private static func ids(_ context: DemoRequestContext) throws -> (organization: String, serviceAccount: String) {
        (
            try KeycardRoutes.parameter("organizationID", in: context),
            try KeycardRoutes.parameter("serviceAccountID", in: context)
        )
    }
}
