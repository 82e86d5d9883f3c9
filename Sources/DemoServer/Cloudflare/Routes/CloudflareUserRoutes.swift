import APICore
import CloudflareAPI
import Hummingbird

/// `/user`, its audit log, billing, subscriptions and tenants.
struct CloudflareUserRoutes {
    let store: CloudflareStore

    func register(on user: RouterGroup<DemoRequestContext>) {
        user.get { _, _ in try Reply.ok(await store.currentUser()) }
        user.patch { request, _ in
            var request = request
            let edit = try await RequestBodyDecoder.decode(Cloudflare.UserEdit.self, from: &request)
            return try Reply.ok(await store.editUser(edit))
        }
        user.get("tenants") { _, _ in try Reply.ok([JSONValue]()) }
        user.get("audit_logs") { request, _ in
            let query = QueryItems(request.uri.query)
            let page = try CloudflarePageRequest(query, defaultPerPage: 100, allowed: 1...1000)
            let (items, info) = try await store.listUserAuditLogs(query, page: page)
            return try Reply.ok(items, info: info)
        }
        user.get("billing/history") { request, _ in
            let query = QueryItems(request.uri.query)
            let page = try CloudflarePageRequest(query, defaultPerPage: 20, allowed: 1...1000)
            let (items, info) = try await store.listBillingHistory(query, page: page)
            return try Reply.ok(items, info: info)
        }
        user.get("billing/profile") { _, _ in try Reply.ok(store.billingProfile) }
        registerSubscriptions(on: user.group("subscriptions"))
    }

    private func registerSubscriptions(on subscriptions: RouterGroup<DemoRequestContext>) {
        subscriptions.get { _, _ in try Reply.ok(await store.subscriptions(of: .user)) }
        subscriptions.put(":subscriptionID") { request, context in
            let id = try CloudflareRoutes.parameter("subscriptionID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.SubscriptionBody.self, from: &request)
            return try Reply.ok(await store.updateSubscription(of: .user, id: id, body: body))
        }
        subscriptions.delete(":subscriptionID") { _, context in
            let id = try CloudflareRoutes.parameter("subscriptionID", in: context)
            try await store.deleteSubscription(of: .user, id: id)
            return Reply.json(try Reply.encode(TopLevelIDEnvelope(key: "subscription_id", id: id)), status: 200)
        }
    }
}
