import APICore
import CloudflareAPI
import Hummingbird

/// `/accounts` and everything under one account except members, tokens and the tenant paths (see
/// `CloudflareMemberRoutes`, `CloudflareTokenRoutes`, `CloudflareOrganizationRoutes`).
struct CloudflareAccountRoutes {
    let store: CloudflareStore

    func register(on accounts: RouterGroup<DemoRequestContext>) {
        accounts.get { request, _ in
            let query = QueryItems(request.uri.query)
            let (items, info) = await store.listAccounts(
                name: query["name"], descending: try query.descending(), page: try CloudflarePageRequest(query))
            return try Reply.ok(items, info: info)
        }

        accounts.post { request, _ in
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.AccountCreate.self, from: &request)
            return try Reply.ok(await store.createAccount(body))
        }

        let account = accounts.group(":accountID").add(middleware: CloudflareAccountAccessMiddleware(store: store))
        account.get { _, context in
            try Reply.ok(await store.account(CloudflareRoutes.parameter("accountID", in: context)))
        }
        account.put { request, context in
            let id = try CloudflareRoutes.parameter("accountID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.AccountUpdate.self, from: &request)
            return try Reply.ok(await store.updateAccount(id, body: body))
        }
        account.delete { _, context in
            let id = try CloudflareRoutes.parameter("accountID", in: context)
            try await store.deleteAccount(id)
            return try Reply.ok(Cloudflare.DeletedID(id: id))
        }
        account.get("roles") { request, context in
            let query = QueryItems(request.uri.query)
            let (items, info) = try await store.listRoles(
                accountID: CloudflareRoutes.parameter("accountID", in: context), page: CloudflarePageRequest(query))
            return try Reply.ok(items, info: info)
        }
        account.get("roles/:roleID") { _, context in
            try Reply.ok(
                await store.role(
                    accountID: CloudflareRoutes.parameter("accountID", in: context),
                    id: CloudflareRoutes.parameter("roleID", in: context)))
        }
        account.get("logs/audit") { request, context in
            let query = try CloudflareAccountAuditQuery(QueryItems(request.uri.query))
            let (items, after) = try await store.listAccountAuditLogs(
                accountID: CloudflareRoutes.parameter("accountID", in: context), query: query)
            return try Reply.ok(items, info: .init(count: items.count, cursors: .init(after: after)))
        }
        registerSubscriptions(on: account.group("subscriptions"))
        CloudflareOrganizationRoutes(store: store).registerAccountPaths(on: account)
        CloudflareMemberRoutes(store: store).register(on: account.group("members"))
        CloudflareTokenRoutes(store: store) { context in .account(context.parameters.get("accountID") ?? "") }
            .register(on: account.group("tokens"))
    }

    private func registerSubscriptions(on subscriptions: RouterGroup<DemoRequestContext>) {
        subscriptions.get { _, context in
            try Reply.ok(await store.subscriptions(of: .account(CloudflareRoutes.parameter("accountID", in: context))))
        }
        subscriptions.post { request, context in
            let accountID = try CloudflareRoutes.parameter("accountID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.SubscriptionBody.self, from: &request)
            return try Reply.ok(await store.createSubscription(accountID: accountID, body: body))
        }
        subscriptions.get(":subscriptionID") { _, context in
            try Reply.ok(
                await store.subscription(
                    of: .account(CloudflareRoutes.parameter("accountID", in: context)),
                    id: CloudflareRoutes.parameter("subscriptionID", in: context)))
        }
        subscriptions.put(":subscriptionID") { request, context in
            let accountID = try CloudflareRoutes.parameter("accountID", in: context)
            let owner = CloudflareStore.SubscriptionOwner.account(accountID)
            let id = try CloudflareRoutes.parameter("subscriptionID", in: context)
            _ = try await store.subscription(of: owner, id: id)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.SubscriptionBody.self, from: &request)
            return try Reply.ok(await store.updateSubscription(of: owner, id: id, body: body))
        }
        subscriptions.delete(":subscriptionID") { _, context in
            let id = try CloudflareRoutes.parameter("subscriptionID", in: context)
            try await store.deleteSubscription(
                of: .account(CloudflareRoutes.parameter("accountID", in: context)), id: id)
            return try Reply.ok(Cloudflare.DeletedSubscriptionID(subscriptionID: id))
        }
    }
}
