import Foundation

// libFuzzer target: the member-page scanners (Cloudflare's and OpenAI's) against `JSONDecoder`. A scanner reads a
// big list page without building wire values; whatever it accepts, the decoder must accept too and give the same
// rows, or the scanner must hand the page over (nil) to the decoder. One difference is meant: bytes that are not
// UTF-8 make the decoder refuse the whole page, where the scanners show them as U+FFFD (PRODUCT.md, hostile text), so
// the decoder reads the repaired text when it refuses the original. Built by `scripts/fuzz.sh`.
@testable import APICore
@testable import CloudflareAPI
@testable import OpenAIAdminAPI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let body = Data(UnsafeBufferPointer(start: data, count: size))
    checkCloudflare(body)
    checkCloudflareSummaries(body)
    checkOpenAI(body)
    return 0
}

/// The decoder's reading of `body`, or of its repaired text when the original is not UTF-8.
func decode<Value: Decodable>(_ type: Value.Type, _ body: Data) throws -> Value {
    do {
        return try JSONDecoder().decode(type, from: body)
    } catch {
        let repaired = Data(String(decoding: body, as: UTF8.self).utf8)
        guard repaired != body else { throw error }
        return try JSONDecoder().decode(type, from: repaired)
    }
}

func checkCloudflare(_ body: Data) {
    let scope = Scope([ScopeNode(kind: .account, id: "account", name: "Account")])
    let roles = RoleTable()
    guard
        let scanned = Member.scanningCloudflarePage(body, scope: scope, roles: roles, lists: RoleListMemo())
    else { return }
    let envelope: Cloudflare.Envelope<[Cloudflare.MemberSummary]>
    do {
        envelope = try decode(Cloudflare.Envelope<[Cloudflare.MemberSummary]>.self, body)
    } catch {
        fatalError("Cloudflare: the scanner read \(scanned.rows.count) rows, the decoder refused: \(error)")
    }
    if envelope.success == false { fatalError("Cloudflare: the scanner read a page whose success is false") }
    let decoded = Member.cloudflarePage(envelope.result ?? [], scope: scope, roles: roles)
    compare(scanned.rows, decoded, provider: "Cloudflare")
    if scanned.info != envelope.resultInfo {
        fatalError(
            "Cloudflare: result_info \(String(describing: scanned.info)) vs \(String(describing: envelope.resultInfo))")
    }
}

func checkCloudflareSummaries(_ body: Data) {
    typealias Summaries = Cloudflare.Envelope<[Cloudflare.MemberSummary]>
    guard let scanned = Summaries.scanningMemberSummaries(body) else { return }
    let decoded: Summaries
    do {
        decoded = try decode(Summaries.self, body)
    } catch {
        fatalError("Cloudflare summaries: the scanner read a page, the decoder refused: \(error)")
    }
    // The summaries scanner reads only what the rows show (a pending member's email where the user has none), so
    // the rows are compared, not the wire values.
    let scope = Scope([ScopeNode(kind: .account, id: "account", name: "Account")])
    let invitations = { (summaries: [Cloudflare.MemberSummary]) in
        summaries.map { Invitation(cloudflarePendingMember: $0, accountID: "account", accountName: "Account") }
    }
    if invitations(scanned.result ?? []) != invitations(decoded.result ?? []) {
        fatalError("Cloudflare summaries: the invitations differ")
    }
    let roles = RoleTable()
    compare(
        Member.cloudflarePage(scanned.result ?? [], scope: scope, roles: roles),
        Member.cloudflarePage(decoded.result ?? [], scope: scope, roles: roles), provider: "Cloudflare summaries")
    if scanned.resultInfo != decoded.resultInfo { fatalError("Cloudflare summaries: result_info differs") }
}

func checkOpenAI(_ body: Data) {
    guard let scanned = Member.scanningOpenAIUsersPage(body) else { return }
    let page: OpenAIAdmin.ListPage<OpenAIAdmin.UserSummary>
    do {
        page = try decode(OpenAIAdmin.ListPage<OpenAIAdmin.UserSummary>.self, body)
    } catch {
        fatalError("OpenAI: the scanner read \(scanned.rows.count) rows, the decoder refused: \(error)")
    }
    compare(scanned.rows, Member.openAIPage(page.data), provider: "OpenAI")
    if scanned.hasMore != page.hasMore || scanned.lastID != page.lastID {
        fatalError(
            "OpenAI: has_more/last_id \(String(describing: scanned.hasMore))/\(String(describing: scanned.lastID)) vs \(String(describing: page.hasMore))/\(String(describing: page.lastID))"
        )
    }
}

func compare(_ scanned: [Member], _ decoded: [Member], provider: String) {
    guard scanned.count == decoded.count else {
        fatalError("\(provider): the scanner read \(scanned.count) rows, the decoder \(decoded.count)")
    }
    for (left, right) in zip(scanned, decoded) where left != right {
        fatalError("\(provider): the scanner read \(left.description), the decoder \(right.description)")
    }
}
