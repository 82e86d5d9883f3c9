import APICore
import Foundation
import OpenAIAdminAPI
import Testing

@Suite("OpenAI wire models")
struct OpenAIWireModelTests {
    @Test func aFullOrganizationUserDecodes() throws {
        let json = """
            {"object":"organization.user","id":"user-abc","name":"Ana","email":"ana@x","role":"owner",
             "added_at":1711471533,"created":1711000000,"api_key_last_used_at":1711470000,"is_default":false,
             "is_service_account":false,"is_scim_managed":true,"developer_persona":"builder",
             "projects":{"object":"list","data":[{"id":"proj_1","name":"Main","role":"owner"}]},
             "user":{"object":"user","id":"user-abc","email":"ana@x","enabled":true,"banned":false}}
            """
        let user = try JSONDecoder().decode(OpenAIAdmin.OrganizationUser.self, from: Data(json.utf8))
        #expect(user.role == .known(.owner))
        #expect(user.apiKeyLastUsedAt == 1_711_470_000)
        #expect(user.isScimManaged == true)
        #expect(user.projects?.data.first?.role == "owner")
        #expect(user.user?.enabled == true)
    }

    @Test func theCreatedAdminKeyIsFlatWithItsValue() throws {
        let created = OpenAIAdmin.AdminAPIKeyCreated(
            key: .init(id: "key_1", createdAt: 1, redactedValue: "sk-admin...abcd", name: "ci"), value: "sk-admin-x")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(created), as: UTF8.self)
        #expect(
            text
                == #"{"created_at":1,"id":"key_1","name":"ci","object":"organization.admin_api_key","owner":{},"redacted_value":"sk-admin...abcd","value":"sk-admin-x"}"#
        )
        #expect(try JSONDecoder().decode(OpenAIAdmin.AdminAPIKeyCreated.self, from: Data(text.utf8)) == created)
    }

    @Test func listsAndDeletesRoundTripAndLeaveAbsentFieldsOut() throws {
        let page = OpenAIAdmin.ListPage(
            data: [OpenAIAdmin.ServiceAccount(id: "s1", name: "ci", createdAt: 1, role: OpenEnum(.member))],
            lastID: "s1", hasMore: false)
        let encoded = try JSONEncoder().encode(page)
        #expect(try JSONDecoder().decode(OpenAIAdmin.ListPage<OpenAIAdmin.ServiceAccount>.self, from: encoded) == page)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(!text.contains("first_id") && !text.contains("\"next\""))
        let deleted = try JSONDecoder().decode(
            OpenAIAdmin.DeletedObject.self, from: Data(#"{"object":"user.role.deleted","deleted":true}"#.utf8))
        #expect(deleted.id == nil && deleted.deleted)
    }
}
