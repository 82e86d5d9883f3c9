import APICore
import Hummingbird

/// `/accounts` and everything under one account except members, tokens and the tenant paths (see `MemberRoutes`,
/// `TokenRoutes`, `OrganizationRoutes`).
struct AccountRoutes {
    let store: DemoStore

    func register(on accounts: RouterGroup<DemoRequestContext>) {
        accounts.get { request, _ in
            let query = QueryItems(request.uri.query)
            let (items, info) = await store.listAccounts(
                name: query["name"], descending: try query.descending(), page: try PageRequest(query))
            return try Reply.ok(items, info: info)
        }

        accounts.post { request, _ in
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.AccountCreate.self, from: &request)
            return try Reply.ok(await store.createAccount(body))
        }

        let account = accounts.group(":accountID").add(middleware: AccountAccessMiddleware(store: store))
        account.get { _, context in
            try Reply.ok(await store.account(DemoRoutes.parameter("accountID", in: context)))
        }
        account.put { request, context in
            let id = try DemoRoutes.parameter("accountID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.AccountUpdate.self, from: &request)
            return try Reply.ok(await store.updateAccount(id, body: body))
        }
        account.delete { _, context in
            let id = try DemoRoutes.parameter("accountID", in: context)
            try await store.deleteAccount(id)
            return try Reply.ok(Cloudflare.DeletedID(id: id))
        }
        account.get("roles") { request, context in
            let query = QueryItems(request.uri.query)
            let (items, info) = try await store.listRoles(
                accountID: DemoRoutes.parameter("accountID", in: context), page: PageRequest(query))
            return try Reply.ok(items, info: info)
        }
        account.get("roles/:roleID") { _, context in
            try Reply.ok(
                await store.role(
                    accountID: DemoRoutes.parameter("accountID", in: context),
                    id: DemoRoutes.parameter("roleID", in: context)))
        }
        account.get("logs/audit") { request, context in
            let query = try AccountAuditQuery(QueryItems(request.uri.query))
            let (items, after) = try await store.listAccountAuditLogs(
                accountID: DemoRoutes.parameter("accountID", in: context), query: query)
            return try Reply.ok(items, info: .init(count: items.count, cursors: .init(after: after)))
        }
        registerSubscriptions(on: account.group("subscriptions"))
        OrganizationRoutes(store: store).registerAccountPaths(on: account)
        MemberRoutes(store: store).register(on: account.group("members"))
        TokenRoutes(store: store) { context in .account(context.parameters.get("accountID") ?? "") }
            .register(on: account.group("tokens"))
    }

    private func registerSubscriptions(on subscriptions: RouterGroup<DemoRequestContext>) {
        subscriptions.get { _, context in
            try Reply.ok(await store.subscriptions(of: .account(DemoRoutes.parameter("accountID", in: context))))
        }
        subscriptions.post { request, context in
            let accountID = try DemoRoutes.parameter("accountID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.SubscriptionBody.self, from: &request)
            return try Reply.ok(await store.createSubscription(accountID: accountID, body: body))
        }
        subscriptions.get(":subscriptionID") { _, context in
            try Reply.ok(
                await store.subscription(
                    of: .account(DemoRoutes.parameter("accountID", in: context)),
                    id: DemoRoutes.parameter("subscriptionID", in: context)))
        }
        subscriptions.put(":subscriptionID") { request, context in
            let owner = DemoStore.SubscriptionOwner.account(try DemoRoutes.parameter("accountID", in: context))
            let id = try DemoRoutes.parameter("subscriptionID", in: context)
            _ = try await store.subscription(of: owner, id: id)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.SubscriptionBody.self, from: &request)
            return try Reply.ok(await store.updateSubscription(of: owner, id: id, body: body))
        }
        subscriptions.delete(":subscriptionID") { _, context in
            let id = try DemoRoutes.parameter("subscriptionID", in: context)
            try await store.deleteSubscription(
                of: .account(DemoRoutes.parameter("accountID", in: context)), id: id)
            return try Reply.ok(Cloudflare.DeletedSubscriptionID(subscriptionID: id))
        }
    }
}
