/// The members of one list page stored together: every member's id, email and name in one UTF-8 buffer, a 20-byte
/// entry per member, and the page's role lists and scope once.
///
/// A big account holds 100,000 members. As separate values each would own a heap string for its id, its email and
/// often its name (about 250 bytes with their headers); here a page of 50 costs three allocations, and a `Member`
/// is a reference to its block and an index. Immutable once built, so pages are shared freely between the cache,
/// the list and other threads.
public final class MemberBlock: Sendable {
    /// Where a member's fields end in `text`, and its small fields.
    struct Entry: Sendable {
        var idEnd: UInt32
        var emailEnd: UInt32
        var nameEnd: UInt32
        /// `MemberStatus` code: 0 active, 1 pending, 2 rejected, 3 disabled, 4 + i `unknownStatuses[i]`.
        var status: UInt16
        /// 0 not said, 1 off, 2 on.
        var twoFactor: UInt8
        var hasName: Bool
        var roleSet: UInt32
    }

    let text: [UInt8]
    let entries: [Entry]
    let roleSets: [[Role]]
    let unknownStatuses: [String]
    let scope: Scope

    init(text: [UInt8], entries: [Entry], roleSets: [[Role]], unknownStatuses: [String], scope: Scope) {
        self.text = text
        self.entries = entries
        self.roleSets = roleSets
        self.unknownStatuses = unknownStatuses
        self.scope = scope
    }

    /// The members of the block, in order.
    public var members: [Member] { entries.indices.map { Member(block: self, index: $0) } }

    func start(of index: Int) -> Int { index == 0 ? 0 : Int(entries[index - 1].nameEnd) }

    func string(_ range: Range<Int>) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    func idRange(_ index: Int) -> Range<Int> { start(of: index)..<Int(entries[index].idEnd) }
    func emailRange(_ index: Int) -> Range<Int> { Int(entries[index].idEnd)..<Int(entries[index].emailEnd) }
    func nameRange(_ index: Int) -> Range<Int> { Int(entries[index].emailEnd)..<Int(entries[index].nameEnd) }

    func status(_ index: Int) -> MemberStatus {
        switch entries[index].status {
        case 0: .active
        case 1: .pending
        case 2: .rejected
        case 3: .disabled
        case let code: .unknown(unknownStatuses[Int(code) - 4])
        }
    }

    func twoFactor(_ index: Int) -> Bool? {
        switch entries[index].twoFactor {
        case 1: false
        case 2: true
        default: nil
        }
    }
}

/// Builds a `MemberBlock` member by member: the text of each field is appended in order (id, email, name), then
/// the member is closed with its small fields.
public struct MemberBlockBuilder: Sendable {
    private var text: [UInt8] = []
    private var entries: [MemberBlock.Entry] = []
    private var roleSets: [[Role]] = []
    private var unknownStatuses: [String] = []
    private var fieldEnds: [UInt32] = []
    private let scope: Scope

    /// A builder for about `capacity` members in `scope` (one value shared by every member of the block).
    public init(scope: Scope, capacity: Int = 0) {
        self.scope = scope
        text.reserveCapacity(capacity * 64)
        entries.reserveCapacity(capacity)
    }

    public var count: Int { entries.count }

    /// Adds a member from its values.
    public mutating func append(
        id: String, email: String, name: String?, status: MemberStatus, roles: [Role], twoFactorEnabled: Bool?
    ) {
        appendText(id)
        endField()
        appendText(email)
        endField()
        if let name { appendText(name) }
        endField()
        endMember(status: status, roles: roles, twoFactorEnabled: twoFactorEnabled, hasName: name != nil)
    }

    // MARK: - Field by field (scanners)

    /// Appends UTF-8 to the field being written; bytes that are not valid UTF-8 become U+FFFD, as a `String`
    /// shows them, so the text read back, the filter text and the screen agree.
    package mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            text.append(contentsOf: bytes)
        } else {
            text.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf8)
        }
    }

    package mutating func appendText(_ string: String) {
        text.append(contentsOf: string.utf8)
    }

    package mutating func appendText(_ value: ScannedString) {
        switch value {
        case .bytes(let bytes): appendText(bytes)
        case .decoded(let string): appendText(string)
        }
    }

    /// Ends the field being written (id, then email, then name).
    package mutating func endField() {
        fieldEnds.append(UInt32(truncatingIfNeeded: text.count))
    }

    /// Ends the member whose three fields were written.
    package mutating func endMember(status: MemberStatus, roles: [Role], twoFactorEnabled: Bool?, hasName: Bool) {
        precondition(fieldEnds.count == 3, "a member has three text fields")
        entries.append(
            MemberBlock.Entry(
                idEnd: fieldEnds[0], emailEnd: fieldEnds[1], nameEnd: fieldEnds[2], status: statusCode(status),
                twoFactor: twoFactorEnabled.map { $0 ? 2 : 1 } ?? 0, hasName: hasName, roleSet: roleSet(roles)))
        fieldEnds.removeAll(keepingCapacity: true)
    }

    /// The block, with its buffers trimmed to what they hold (a loaded list keeps its blocks for good).
    public func build() -> MemberBlock {
        MemberBlock(
            text: text.capacity - text.count > 64 ? text.withUnsafeBufferPointer { Array($0) } : text,
            entries: entries.capacity > entries.count ? entries.withUnsafeBufferPointer { Array($0) } : entries,
            roleSets: roleSets, unknownStatuses: unknownStatuses, scope: scope)
    }

    /// The members built so far, as one block.
    public func members() -> [Member] { build().members }

    private mutating func roleSet(_ roles: [Role]) -> UInt32 {
        // A page holds a few dozen role lists at most, mostly the same arrays (the role table shares them).
        if let index = roleSets.firstIndex(where: { $0 == roles }) { return UInt32(index) }
        roleSets.append(roles)
        return UInt32(roleSets.count - 1)
    }

    private mutating func statusCode(_ status: MemberStatus) -> UInt16 {
        switch status {
        case .active: return 0
        case .pending: return 1
        case .rejected: return 2
        case .disabled: return 3
        case .unknown(let raw):
            if let index = unknownStatuses.firstIndex(of: raw) { return UInt16(4 + index) }
            unknownStatuses.append(raw)
            return UInt16(truncatingIfNeeded: 3 + unknownStatuses.count)
        }
    }
}
