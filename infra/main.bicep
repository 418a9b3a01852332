// Ärendevakt in Azure (docs/deploy.md): App Service on Linux with Node 24 LTS in Sweden Central, the
// user-assigned managed identity the bot signs in with (no password), a single-tenant regional Azure
// Bot (Europe) with the Teams channel, and Key Vault for the secrets. The embedded store lives in
// /home/data (App Service's persistent storage). Azure Database for PostgreSQL is added here once
// the bot has a PostgreSQL store.
// Written for `az deployment group create` and the Agents Toolkit (m365agents.yml); it has not been
// deployed or compiled from this repository's CI (no Azure and no Bicep CLI there).

@description('Short suffix for resource names, e.g. dev or prod.')
param resourceSuffix string = 'dev'

@description('Where the app and its data live.')
param location string = 'swedencentral'

@description('Data residency of the Azure Bot: westeurope is the regional (Europe) bot.')
param botLocation string = 'westeurope'

@description('The municipality\'s Entra tenant (the tenantId of the organisation file).')
param tenantId string = subscription().tenantId

@description('App Service plan size; B1 is enough for one municipality\'s child and youth groups.')
param skuName string = 'B1'

var name = 'arendevakt-${resourceSuffix}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${replace(name, '-', '')}${uniqueString(resourceGroup().id)}', 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Key Vault Secrets User: the app reads INGEST_API_KEY (and, with an app registration instead of the
// managed identity, MicrosoftAppPassword) through Key Vault references.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, 'secrets-user')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: skuName }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-app-${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/main.js'
      alwaysOn: true // the schedules (morning lists, reminders) run inside the process
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      healthCheckPath: '/livez'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'DATA_FILE', value: '/home/data/db.json' }
        { name: 'ORG_FILE', value: '/home/data/organisation.json' }
        { name: 'INGEST_API_KEY', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=ingest-api-key)' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' } // deployed built (npm run build, npm prune --omit=dev)
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'true' }
      ]
    }
  }
  dependsOn: [secretsUser]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: botLocation
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Ärendevakt'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.id
output BOT_DOMAIN string = web.properties.defaultHostName
output MicrosoftAppId string = identity.properties.clientId
output KEY_VAULT_NAME string = vault.name
