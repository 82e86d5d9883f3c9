import APICore
import OpenAIAdminAPI

/// One project with its members, API keys and service accounts.
struct OpenAIProjectRecord: Sendable {
    var project: OpenAIAdmin.Project
    var users = OpenAIRecordList<OpenAIAdmin.ProjectUser>(id: \.id)
    var apiKeys = OpenAIRecordList<OpenAIAdmin.ProjectAPIKey>(id: \.id)
    var serviceAccounts = OpenAIRecordList<OpenAIAdmin.ServiceAccount>(id: \.id)

    init(project: OpenAIAdmin.Project) {
        self.project = project
    }

    var id: String { project.id }
    var isArchived: Bool { project.status?.value == .archived }
}
