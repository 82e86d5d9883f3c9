import APICore
import Hummingbird
import OpenAIAdminAPI

/// `/organization/projects` with each project's users, API keys and service accounts.
struct OpenAIProjectRoutes {
    let store: OpenAIStore

    func register(on projects: RouterGroup<DemoRequestContext>) {
        projects.get { request, _ in
            let query = QueryItems(request.uri.query)
            return try OpenAIReply.list(
                await store.listProjects(
                    OpenAIListQuery(query), includeArchived: OpenAIRoutes.bool("include_archived", in: query) ?? false),
                cursor: .lastID)
        }
        projects.get(":projectID") { _, context in
            try OpenAIReply.object(await store.project(OpenAIRoutes.parameter("projectID", in: context)))
        }
        registerUsers(on: projects.group(":projectID/users"))
        registerKeys(on: projects.group(":projectID/api_keys"))
        registerServiceAccounts(on: projects.group(":projectID/service_accounts"))
    }

    private func registerUsers(on users: RouterGroup<DemoRequestContext>) {
        users.get { request, context in
            try OpenAIReply.list(
                await store.listProjectUsers(
                    projectID: OpenAIRoutes.parameter("projectID", in: context),
                    query: OpenAIListQuery(QueryItems(request.uri.query))),
                cursor: .lastID)
        }
        users.post { request, context in
            let projectID = try OpenAIRoutes.parameter("projectID", in: context)
            _ = try await store.project(projectID)
            let body = try await OpenAIBodyDecoder.decode(OpenAIAdmin.ProjectUserCreate.self, from: request)
            return try OpenAIReply.object(await store.addProjectUser(projectID: projectID, body: body))
        }
        users.get(":userID") { _, context in
            try OpenAIReply.object(
                await store.projectUser(
                    projectID: OpenAIRoutes.parameter("projectID", in: context),
                    userID: OpenAIRoutes.parameter("userID", in: context)))
        }
        users.post(":userID") { request, context in
            let projectID = try OpenAIRoutes.parameter("projectID", in: context)
            let userID = try OpenAIRoutes.parameter("userID", in: context)
            _ = try await store.projectUser(projectID: projectID, userID: userID)
            let body = try await OpenAIBodyDecoder.decode(OpenAIAdmin.ProjectUserUpdate.self, from: request)
            return try OpenAIReply.object(
                await store.updateProjectUser(projectID: projectID, userID: userID, body: body))
        }
        users.delete(":userID") { _, context in
            try OpenAIReply.object(
                await store.removeProjectUser(
                    projectID: OpenAIRoutes.parameter("projectID", in: context),
                    userID: OpenAIRoutes.parameter("userID", in: context)))
        }
    }

    private func registerKeys(on keys: RouterGroup<DemoRequestContext>) {
        keys.get { request, context in
            let query = QueryItems(request.uri.query)
            return try OpenAIReply.list(
                await store.listProjectAPIKeys(
                    projectID: OpenAIRoutes.parameter("projectID", in: context), query: OpenAIListQuery(query),
                    access: query["owner_project_access"]),
                cursor: .lastID)
        }
        keys.get(":keyID") { _, context in
            try OpenAIReply.object(
                await store.projectAPIKey(
                    projectID: OpenAIRoutes.parameter("projectID", in: context),
                    keyID: OpenAIRoutes.parameter("keyID", in: context)))
        }
        keys.delete(":keyID") { _, context in
            try OpenAIReply.object(
                await store.deleteProjectAPIKey(
                    projectID: OpenAIRoutes.parameter("projectID", in: context),
                    keyID: OpenAIRoutes.parameter("keyID", in: context)))
        }
    }

    private func registerServiceAccounts(on accounts: RouterGroup<DemoRequestContext>) {
        accounts.get { request, context in
            try OpenAIReply.list(
                await store.listServiceAccounts(
                    projectID: OpenAIRoutes.parameter("projectID", in: context),
                    query: OpenAIListQuery(QueryItems(request.uri.query))),
                cursor: .lastID)
        }
        accounts.post { request, context in
            let projectID = try OpenAIRoutes.parameter("projectID", in: context)
            _ = try await store.project(projectID)
            let body = try await OpenAIBodyDecoder.decode(OpenAIAdmin.ServiceAccountCreate.self, from: request)
            return try OpenAIReply.object(await store.createServiceAccount(projectID: projectID, body: body))
        }
        accounts.get(":accountID") { _, context in
            try OpenAIReply.object(
                await store.serviceAccount(
                    projectID: OpenAIRoutes.parameter("projectID", in: context),
                    id: OpenAIRoutes.parameter("accountID", in: context)))
        }
        accounts.delete(":accountID") { _, context in
            try OpenAIReply.object(
                await store.deleteServiceAccount(
                    projectID: OpenAIRoutes.parameter("projectID", in: context),
                    id: OpenAIRoutes.parameter("accountID", in: context)))
        }
    }
}
