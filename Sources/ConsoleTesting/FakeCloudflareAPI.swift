import APICore
import CloudflareAPI
import Foundation
import Synchronization

/// A small Cloudflare dataset served by a `FakeTransport`, for view-model tests that count requests.
///
/// Routes are exact paths, registered for each seeded id; scripted outcomes queued on `transport` win over them.
public final class FakeCloudflareAPI: Sendable {
    public let transport = FakeTransport()
    public let accountIDs: [String]
    /// The id of the user token the directory is signed in with.
    public let ownTokenID = "tok-own"

    private struct Data {
        var invites: [Cloudflare.Invite]
        var tokenSecrets: [String: String]
        var tokenModified: [String: String]
        var rolls = 0
    }

    private let data: Mutex<Data>

    /// Seeds `accounts` accounts with `members` members each, 3 user tokens and 3 received invitations.
    public init(accounts: Int = 2, members: Int = 120) {
        accountIDs = (1...accounts).map { "acc\($0)" }
        let invites = (1...3).map { index in
            Cloudflare.Invite(
                id: "inv\(index)", organizationID: "acc-new\(index)", organizationName: "New Org \(index)",
                invitedBy: "boss@example.test", roles: ["Administrator"], status: OpenEnum(.pending))
        }
        data = Mutex(Data(invites: invites, tokenSecrets: [:], tokenModified: [:]))
        install(members: members)
    }

    /// A directory over the fake transport, signed in with the own token.
    public func directory(perPage: Int = 50) throws -> CloudflareDirectory {
        let configuration = try CloudflareConfiguration(
            baseURL: "https://api.example.test/client/v4", credentials: .apiToken(Secret("own-secret")))
        return CloudflareDirectory(
            client: CloudflareClient(configuration: configuration, transport: transport), perPage: perPage)
    }

    /// The current status of a received invitation.
    public func inviteStatus(_ id: String) -> String? {
        self.data.withLock { $0.invites.first { $0.id == id }?.status?.rawValue }
    }

    /// The secret a token was last rolled to.
    public func secret(ofToken id: String) -> String? {
        self.data.withLock { $0.tokenSecrets[id] }
    }

    private func install(members: Int) {
        transport.handle(.get, "/user") { _ in
            Self.ok(Cloudflare.User(id: "u1", email: "me@example.test", firstName: "Me"))
        }
        let accounts = accountIDs.enumerated().map { index, id in
            Cloudflare.Account(id: id, name: "Account \(index + 1)", type: OpenEnum(.standard))
        }
        transport.handle(.get, "/accounts") { Self.paged(accounts, $0) }
        for account in accountIDs {
            let rows = (0..<members).map { index in
                Cloudflare.Member(
                    id: "\(account)-m\(index)", status: OpenEnum(index % 10 == 0 ? .pending : .accepted),
                    user: .init(email: "user\(index)@\(account).test", firstName: "User", lastName: "\(index)"),
                    roles: [.init(id: "r1", name: "Administrator")])
            }
            transport.handle(.get, "/accounts/\(account)/members") { Self.paged(rows, $0) }
            let tokens = (0..<3).map { Self.token("\(account)-t\($0)") }
            transport.handle(.get, "/accounts/\(account)/tokens") { Self.paged(tokens, $0) }
        }
        let userTokens = [Self.token(ownTokenID), Self.token("tok-ci"), Self.token("tok-old", status: .expired)]
        transport.handle(.get, "/user/tokens") { Self.paged(userTokens, $0) }
        transport.handle(.get, "/user/tokens/verify") { [ownTokenID] _ in
            Self.ok(Cloudflare.TokenVerification(id: ownTokenID, status: OpenEnum(.active)))
        }
        for token in userTokens {
            guard let id = token.id else { continue }
            transport.handle(.get, "/user/tokens/\(id)") { _ in
                var current = token
                current.modifiedOn = self.data.withLock { $0.tokenModified[id] } ?? token.modifiedOn
                return Self.ok(current)
            }
            transport.handle(.put, "/user/tokens/\(id)/value") { _ in
                // Deterministic, so screens with a rolled secret can be compared with golden files.
                let secret = self.data.withLock { data in
                    data.rolls += 1
                    let secret = "rolled-secret-\(data.rolls)-\(id)"
                    data.tokenSecrets[id] = secret
                    data.tokenModified[id] = "2026-11-23T12:00:00Z"
                    return secret
                }
                return Self.ok(secret)
            }
        }
        transport.handle(.get, "/user/invites") { _ in Self.ok(self.data.withLock { $0.invites }) }
        for index in 1...3 {
            let id = "inv\(index)"
            transport.handle(.get, "/user/invites/\(id)") { _ in
                Self.ok(self.data.withLock { $0.invites.first { $0.id == id } })
            }
            transport.handle(.patch, "/user/invites/\(id)") { request in
                let status =
                    (try? JSONDecoder().decode(
                        Cloudflare.InviteResponseBody.self, from: request.body ?? Foundation.Data()))?.status ?? ""
                let updated = self.data.withLock { data -> Cloudflare.Invite? in
                    guard let position = data.invites.firstIndex(where: { $0.id == id }) else { return nil }
                    data.invites[position].status = OpenEnum(rawValue: status)
                    return data.invites[position]
                }
                return Self.ok(updated)
            }
        }
    }

    private static func token(_ id: String, status: Cloudflare.TokenStatus = .active) -> Cloudflare.Token {
        Cloudflare.Token(
            id: id, name: "token \(id)", status: OpenEnum(status), issuedOn: "2026-01-01T00:00:00Z",
            modifiedOn: "2026-01-01T00:00:00Z")
    }

    private static func ok<Result: Codable & Sendable>(_ result: Result) -> FakeTransport.Outcome {
        respond(Cloudflare.Envelope(success: true, result: result))
    }

    private static func paged<Item: Codable & Sendable>(_ items: [Item], _ request: HTTPRequest)
        -> FakeTransport.Outcome
    {
        let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let page = query.first { $0.name == "page" }?.value.flatMap(Int.init) ?? 1
        let perPage = query.first { $0.name == "per_page" }?.value.flatMap(Int.init) ?? 20
        let start = min((page - 1) * perPage, items.count)
        let slice = Array(items[start..<min(start + perPage, items.count)])
        let info = Cloudflare.ResultInfo(
            page: page, perPage: perPage, count: slice.count, totalCount: items.count,
            totalPages: (items.count + perPage - 1) / perPage)
        return respond(Cloudflare.Envelope(success: true, result: slice, resultInfo: info))
    }

    private static func respond<Result: Codable & Sendable>(_ envelope: Cloudflare.Envelope<Result>)
        -> FakeTransport.Outcome
    {
        let body = (try? JSONEncoder().encode(envelope)) ?? Foundation.Data()
        return .response(HTTPResponse(status: 200, body: body))
    }
}
