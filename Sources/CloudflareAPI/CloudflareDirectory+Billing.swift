import APICore
import Foundation

/// Billing history and profile, subscriptions and the legacy organizations: read-only lists (orgs can be left).
extension CloudflareDirectory: BillingReading, OrganizationLeaving {
    public var billingReading: (any BillingReading)? { self }
    public var organizationLeaving: (any OrganizationLeaving)? { self }

    public func billingHistory() -> Ledger {
        let list = client.billingHistory(.init(perPage: perPage)).mapItems { item in
            let amount = item.amount.map { String(format: "%.2f", $0) } ?? ""
            let cells = [
                item.occurredAt ?? "", item.type ?? "", item.action ?? "",
                [amount, item.currency ?? ""].filter { !$0.isEmpty }.joined(separator: " "), item.description ?? "",
            ]
            let fields = Self.fields([
                ("ID", item.id), ("Occurred", item.occurredAt), ("Type", item.type), ("Action", item.action),
                ("Amount", cells[3]), ("Description", item.description), ("Zone", item.zone?.name),
            ])
            return LedgerEntry(id: item.id ?? "", cells: cells, fields: fields, date: Timestamp.parse(item.occurredAt))
        }
        return Ledger(
            title: "Billing history", columns: ["When", "Type", "Action", "Amount", "Description"],
            listing: .list(list))
    }

    public func billingProfile() async throws -> [RecordField] {
        let profile = try await client.billingProfile()
        let card = profile.cardNumber.map { number in
            number
                + (profile.cardExpiryMonth.map { " exp \($0)/\(profile.cardExpiryYear.map(String.init) ?? "")" } ?? "")
        }
        return Self.fields([
            ("ID", profile.id), ("Account type", profile.accountType),
            ("Name", [profile.firstName, profile.lastName].compactMap { $0 }.joined(separator: " ")),
            ("Company", profile.company), ("Address", profile.address), ("City", profile.city),
            ("State", profile.state), ("Zipcode", profile.zipcode), ("Country", profile.country),
            ("Telephone", profile.telephone), ("Email", profile.primaryEmail), ("Card", card),
            ("Balance", profile.balance), ("VAT", profile.vat),
            ("Partner", profile.isPartner.map { $0 ? "yes" : "no" }),
            ("Next bill", profile.nextBillDate), ("Created", profile.createdOn), ("Edited", profile.editedOn),
        ])
    }

    public func subscriptions(in scope: Scope) -> Ledger {
        let account = scope.node(.account)
        let wire = account.map { client.accountSubscriptions(accountID: $0.id) } ?? client.userSubscriptions()
        let list = wire.mapItems { subscription in Self.subscriptionEntry(subscription) }
        let title = account.map { "Subscriptions of \($0.name.isEmpty ? $0.id : $0.name)" } ?? "Your subscriptions"
        // An account's subscription has a single-item GET; the user's do not.
        let entry = account.map { Self.accountSubscriptionReader(client: client, accountID: $0.id) }
        return Ledger(
            title: title, columns: ["Rate plan", "Price", "Frequency", "State", "Period end"], listing: .list(list),
            entry: entry)
    }

    /// Reads one subscription of an account fresh, as a row.
    static func accountSubscriptionReader(client: CloudflareClient, accountID: String)
        -> @Sendable (String) async throws -> LedgerEntry
    {
        { id in
            let subscription = try await client.accountSubscription(accountID: accountID, id: id)
            return Self.subscriptionEntry(subscription)
        }
    }

    /// A subscription as a row of the subscriptions view.
    static func subscriptionEntry(_ subscription: Cloudflare.Subscription) -> LedgerEntry {
        let plan = subscription.ratePlan?.publicName ?? subscription.ratePlan?.id ?? ""
        let price = subscription.price.map { String(format: "%.2f", $0) } ?? ""
        let cells = [
            plan, [price, subscription.currency ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
            subscription.frequency ?? "", subscription.state ?? "", subscription.currentPeriodEnd ?? "",
        ]
        let fields = Self.fields([
            ("ID", subscription.id), ("Rate plan", plan), ("Plan id", subscription.ratePlan?.id),
            ("Price", cells[1]), ("Frequency", subscription.frequency), ("State", subscription.state),
            ("Period start", subscription.currentPeriodStart), ("Period end", subscription.currentPeriodEnd),
            ("Externally managed", subscription.ratePlan?.externallyManaged.map { $0 ? "yes" : "no" }),
            ("Contract", subscription.ratePlan?.isContract.map { $0 ? "yes" : "no" }),
            ("Sets", subscription.ratePlan?.sets?.joined(separator: ", ")),
        ])
        return LedgerEntry(id: subscription.id ?? "", cells: cells, fields: fields)
    }

    public func legacyOrganizations() -> Ledger {
        let list = client.userOrganizations(.init(perPage: perPage)).mapItems { organization in
            let roles = (organization.roles ?? []).joined(separator: ", ")
            let cells = [organization.name ?? "", organization.status ?? "", roles]
            var fields = Self.fields([
                ("ID", organization.id), ("Name", organization.name), ("Status", organization.status),
                ("Roles", roles),
            ])
            fields += (organization.permissions ?? []).map { RecordField("Permission", $0) }
            return LedgerEntry(id: organization.id ?? "", cells: cells, fields: fields)
        }
        let client = client
        return Ledger(
            title: "Organizations (legacy)", columns: ["Name", "Status", "Roles"], listing: .list(list),
            entry: { id in Self.organizationEntry(id: id, try await client.userOrganization(id: id)) })
    }

    /// `GET /user/organizations/{id}` as a row: its name, status and roles, then every other field it has.
    static func organizationEntry(id: String, _ value: JSONValue) -> LedgerEntry {
        let object = value.objectValue ?? [:]
        func text(_ key: String) -> String? {
            switch object[key] {
            case .string(let text)?: text
            case .number(let number)?: String(number)
            case .bool(let flag)?: flag ? "yes" : "no"
            default: nil
            }
        }
        func list(_ key: String) -> [String] {
            guard case .array(let items)? = object[key] else { return [] }
            return items.compactMap(\.stringValue)
        }
        let roles = list("roles").joined(separator: ", ")
        var fields = Self.fields([
            ("ID", text("id") ?? id), ("Name", text("name")), ("Status", text("status")), ("Roles", roles),
        ])
        for key in object.keys.sorted() where !["id", "name", "status", "roles", "permissions"].contains(key) {
            if let value = text(key) { fields.append(RecordField(key.replacingOccurrences(of: "_", with: " "), value)) }
        }
        fields += list("permissions").map { RecordField("Permission", $0) }
        return LedgerEntry(
            id: text("id") ?? id, cells: [text("name") ?? "", text("status") ?? "", roles], fields: fields)
    }

    public func leaveOrganization(id: String) async throws {
        _ = try await client.leaveOrganization(id: try Self.id(id, of: "organization"))
    }

    /// The fields that have a value.
    static func fields(_ pairs: [(String, String?)]) -> [RecordField] {
        pairs.compactMap { label, value in
            guard let value, !value.isEmpty else { return nil }
            return RecordField(label, value)
        }
    }
}
