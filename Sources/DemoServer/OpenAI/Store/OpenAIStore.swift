import APICore
import Foundation
import OpenAIAdminAPI

/// The OpenAI organization of the demo server: seeded users, roles, invites, admin keys and projects, and every
/// change the `/v1` API makes to them.
///
/// Handlers go through it for every read and write; tests use its inspection methods (`OpenAIStore+Inspection`).
public actor OpenAIStore {
    /// Id of the organization (`org-…`).
    public nonisolated let organizationID: String
    /// Id of the demo user (`user-…`), owner of the login key.
    public nonisolated let demoUserID: String
    /// Id of the admin key the demo session signs in with.
    public nonisolated let loginKeyID: String
    /// The login key's secret (`--token` when given).
    public nonisolated let loginKey: String
    /// Id of the project invites join when they name none.
    nonisolated let defaultProjectID: String

    var users: OpenAIRecordList<OpenAIAdmin.OrganizationUser>
    var roles: OpenAIRecordList<OpenAIAdmin.Role>
    /// User id → assigned role ids, the predefined role (`owner`/`reader`) first.
    var assignments: [String: [String]]
    /// (user id, role id) → when the assignment was made.
    var assignmentDates: [String: Int] = [:]
    var invites: OpenAIRecordList<OpenAIAdmin.Invite>
    var adminKeys: OpenAIRecordList<OpenAIAdmin.AdminAPIKey>
    /// Admin key secret → key id.
    var adminKeySecrets: [String: String] = [:]
    var projectList: OpenAIRecordList<OpenAIAdmin.Project>
    var projects: [String: OpenAIProjectRecord] = [:]
    /// Ids of records created at run time (seeded, so runs are reproducible).
    var idGenerator: SplitMix64
    /// "Now" at run time.
    var wallClock = DemoWallClock()

    init(seed data: OpenAISeedData, seed: UInt64, loginKey: String, frozenNow: Date? = nil) {
        wallClock = DemoWallClock(frozen: frozenNow)
        organizationID = data.organizationID
        demoUserID = data.demoUserID
        loginKeyID = data.loginKeyID
        self.loginKey = loginKey
        defaultProjectID = data.projects.first?.id ?? ""
        users = OpenAIRecordList(data.users, id: \.id)
        roles = OpenAIRecordList(data.roles, id: \.id)
        assignments = data.assignments
        invites = OpenAIRecordList(data.invites, id: \.id)
        adminKeys = OpenAIRecordList(data.adminKeys.map(\.key), id: \.id)
        adminKeySecrets = Dictionary(
            data.adminKeys.map { ($0.secret, $0.key.id) }, uniquingKeysWith: { first, _ in first })
        projectList = OpenAIRecordList(data.projects.map(\.project), id: \.id)
        projects = Dictionary(data.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        idGenerator = SplitMix64(seed: seed, label: "openai:runtime")
    }

    /// Seeds a store for `configuration` with `loginKey` as the login key's secret.
    init(configuration: DemoServerConfiguration, loginKey: String) {
        let seeder = OpenAISeeder(
            seed: configuration.seed, userCount: configuration.clampedOpenAIUsers,
            clock: SeedClock(now: configuration.resolvedReferenceDate), loginSecret: loginKey)
        self.init(
            seed: seeder.build(), seed: configuration.seed, loginKey: loginKey, frozenNow: configuration.frozenNow)
    }

    /// "Now" in Unix seconds, for records written at run time.
    func now() -> Int { Int(wallClock.now().timeIntervalSince1970) }

    /// A fresh id with `prefix`.
    func newID(_ prefix: String, length: Int = 24) -> String {
        OpenAIIdentifiers.make(prefix, length: length, using: &idGenerator)
    }

    // MARK: Authentication

    /// The id of the live admin key whose secret this is, or nil (unknown, deleted or expired); marks it used.
    func authenticate(secret: String) -> String? {
        guard let id = adminKeySecrets[secret], let key = adminKeys.record(id) else { return nil }
        let now = now()
        if let expiresAt = key.expiresAt, expiresAt <= now { return nil }
        if key.lastUsedAt != now { adminKeys.update(id) { $0.lastUsedAt = now } }
        return id
    }

    /// The project with `id`, or 404.
    func projectRecord(_ id: String) throws -> OpenAIProjectRecord {
        guard let record = projects[id] else { throw OpenAIAPIError.notFound("project", id: id) }
        return record
    }

    /// Runs `body` on the stored project in place, or throws 404; archived projects refuse writes with 400.
    @discardableResult
    func mutateProject<Result>(_ id: String, writing: Bool = true, _ body: (inout OpenAIProjectRecord) throws -> Result)
        throws -> Result
    {
        guard var record = projects.removeValue(forKey: id) else { throw OpenAIAPIError.notFound("project", id: id) }
        defer { projects[id] = record }
        if writing, record.isArchived {
            throw OpenAIAPIError.invalid("Project \(id) is archived and cannot be changed.", param: "project_id")
        }
        return try body(&record)
    }
}
