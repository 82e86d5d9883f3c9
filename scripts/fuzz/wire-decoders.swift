// libFuzzer target: every provider's wire decoders and mappings, reached the way the console reaches them: a
// directory asks for a list, a record or a write, and the transport answers with the input (a status from its first
// byte, the rest as the body). Whatever arrives, the directory returns rows or throws an `APIError` with words in
// it; it never traps. Built by `scripts/fuzz.sh`.
import APICore
import Dispatch
import Foundation
import Providers
import Synchronization

/// Answers every request with the same response, and counts them (a list must not loop on a body that repeats).
final class AnsweringTransport: Transport {
    let response: HTTPResponse
    let sent = Mutex(0)

    init(_ response: HTTPResponse) { self.response = response }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let count = sent.withLock { count in
            count += 1
            return count
        }
        if count > 50 { fatalError("more than 50 requests for one operation: a paging loop") }
        return response
    }
}

let statuses = [200, 200, 200, 200, 200, 200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500]

let account = ScopeNode(kind: .account, id: "a1", name: "Account")
let organization = ScopeNode(kind: .organization, id: "o1", name: "Organization")
let project = ScopeNode(kind: .project, id: "p1", name: "Project")
let serviceAccount = ScopeNode(kind: .serviceAccount, id: "s1", name: "Service account")
let scopes = [
    Scope.top, Scope([account]), Scope([organization]), Scope([project]), Scope([organization, serviceAccount]),
]

/// One read or write of a directory; rows it reads may feed the writes (the same body answers both).
let operations: [@Sendable (any IdentityDirectory, Scope) async throws -> Void] = [
    { directory, scope in try await firstPages(directory.accounts(in: scope, nameFilter: nil)) },
    { directory, scope in try await firstPages(directory.members(in: scope, status: nil)) },
    { directory, scope in try await firstPages(directory.members(in: scope, status: .pending)) },
    { directory, scope in try await firstPages(directory.tokens(in: scope)) },
    { directory, scope in try await firstPages(directory.sentInvitations(in: scope)) },
    { directory, _ in _ = try await directory.currentUser() },
    { directory, _ in _ = try await directory.signedInTokenID() },
    { directory, _ in try await firstPages(directory.invitationAnswering?.receivedInvitations()) },
    { directory, scope in
        try await firstPages(directory.auditLogReading?.auditLog(in: scope, filter: AuditFilter()))
    },
    { directory, _ in try await firstPages(directory.billingReading?.billingHistory().listing) },
    { directory, _ in _ = try await directory.billingReading?.billingProfile() },
    { directory, scope in try await firstPages(directory.billingReading?.subscriptions(in: scope).listing) },
    { directory, _ in try await firstPages(directory.organizationLeaving?.legacyOrganizations().listing) },
    { directory, scope in try await firstPages(directory.identityListing?.identities(in: scope).listing) },
    { directory, scope in try await firstPages(directory.roleReading?.roles(in: scope).listing) },
    { directory, _ in _ = try await directory.ssoManaging?.ssoConnection(organizationID: "o1") },
    { directory, _ in _ = try await directory.tokenExchanging?.exchangeToken(organizationID: "o1") },
    { directory, scope in _ = try await directory.memberInviting?.invitableRoles(in: scope) },
    { directory, scope in _ = try await directory.tokenCreating?.permissionGroups(for: scope) },
    { directory, _ in _ = try await directory.accountAdministering?.createAccount(name: "fuzz") },
    { directory, scope in
        guard let token = try await firstRow(directory.tokens(in: scope)) else { return }
        _ = try await directory.token(token)
        if let rolling = directory.tokenRolling, rolling.canRoll(token) { _ = try await rolling.rollToken(token) }
        if let rotation = directory.keyRotation, rotation.canRotate(token) {
            _ = try await rotation.createReplacement(for: token)
        }
    },
    { directory, scope in
        guard let member = try await firstRow(directory.members(in: scope, status: nil)) else { return }
        guard let editing = directory.memberRoleEditing else { return }
        _ = try await editing.member(member)
        if editing.canEditRoles(of: member) { _ = try await editing.setRoles(of: member, to: member.roles) }
    },
    { directory, _ in
        guard let answering = directory.invitationAnswering,
            let invitation = try await firstRow(answering.receivedInvitations())
        else { return }
        _ = try await answering.respond(to: invitation, with: .accept)
    },
    { directory, scope in
        guard let inviting = directory.memberInviting, inviting.canInvite(in: scope) else { return }
        _ = try await inviting.invite(email: "fuzz@example.com", roles: [], in: scope)
    },
]

func firstPages<Item>(_ listing: Listing<Item>?) async throws {
    guard let list = listing?.pagedList else { return }
    let page = try await list.page(list.first)
    if let next = page.next { _ = try await list.page(next) }
}

func firstRow<Item>(_ listing: Listing<Item>) async throws -> Item? {
    guard let list = listing.pagedList else { return nil }
    return try await list.page(list.first).items.first
}

let configurations: [ProviderConfiguration] = ProviderRegistry.standard.descriptors.compactMap { descriptor in
    try? descriptor.configuration(token: Secret("fuzz-token"), baseURL: "https://api.example.com", environment: [:])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 3, configurations.count == 3 else { return configurations.count == 3 ? 0 : fatalNoProviders() }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let configuration = configurations[Int(bytes[0]) % configurations.count]
    let operation = operations[Int(bytes[1]) % operations.count]
    let scope = scopes[Int(bytes[1]) / operations.count % scopes.count]
    let status = statuses[Int(bytes[2]) % statuses.count]
    let headers =
        status == 429 ? ["Retry-After": "1", "Content-Type": "application/json"] : ["Content-Type": "application/json"]
    let transport = AnsweringTransport(HTTPResponse(status: status, headers: headers, body: Data(bytes[3...])))
    let directory = configuration.makeDirectory(transport: transport)
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            try await operation(directory, scope)
        } catch let error as APIError {
            if error.userMessage.isEmpty { fatalError("an APIError without words: \(error)") }
        } catch {
            fatalError("\(configuration.provider.rawValue) threw a \(type(of: error)), not an APIError: \(error)")
        }
        done.signal()
    }
    done.wait()
    return 0
}

func fatalNoProviders() -> Int32 {
    fatalError("the registry did not configure three providers: \(configurations.count)")
}
