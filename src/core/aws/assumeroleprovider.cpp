// SPDX-License-Identifier: Apache-2.0
#include "aws/assumeroleprovider.h"

#include "aws/awssharedconfig.h"
#include "aws/credentialchain.h"
#include "aws/credentialprocess.h"
#include "aws/endpointresolver.h"
#include "aws/logging.h"
#include "aws/regionresolver.h"
#include "aws/stsclient.h"
#include "net/networkpolicy.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QPointer>

namespace outcrop::aws {

namespace {

// Why a profile's role cannot be assumed: its settings, its source of credentials, MFA, STS.
class AssumeRoleTr
{
    Q_DECLARE_TR_FUNCTIONS(AssumeRoleProvider)
};

const QString kRoleArn = QStringLiteral("role_arn");
const QString kSourceProfile = QStringLiteral("source_profile");
const QString kCredentialSource = QStringLiteral("credential_source");
const QString kAccessKey = QStringLiteral("aws_access_key_id");
const QString kSecretKey = QStringLiteral("aws_secret_access_key");
const QString kSessionToken = QStringLiteral("aws_session_token");
// The role assumer's region when nothing names one (the JS SDK's ASSUME_ROLE_DEFAULT_REGION).
const QString kDefaultStsRegion = QStringLiteral("us-east-1");

} // namespace

AssumeRoleProvider::AssumeRoleProvider(const AwsEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_processTimeout(CredentialProcess::kDefaultTimeout)
    , m_stsAuth(AwsAuth())
{
}

AssumeRoleProvider::~AssumeRoleProvider()
{
    delete m_sts;   // its calls refer to m_stsAuth
}

bool AssumeRoleProvider::isRoleProfile(const AwsProfile &profile)
{
    return profile.contains(kRoleArn) && (profile.contains(kSourceProfile) || profile.contains(kCredentialSource));
}

void AssumeRoleProvider::setStsSettings(const StsSettings &settings)
{
    m_settings = settings;
    delete m_sts;
    m_sts = nullptr;
    m_stsKey.clear();
}

AssumeRoleProvider::Plan AssumeRoleProvider::buildPlan(const AwsSharedConfig &sharedConfig,
                                                       const QString &profileName) const
{
    Plan plan;
    QStringList visited;
    QString name = profileName;
    while (true) {
        const AwsProfile profile = sharedConfig.profile(name);
        if (!isRoleProfile(profile) && visited.isEmpty()) {
            plan.error = AssumeRoleTr::tr("Profile %1 does not assume a role (no role_arn with source_profile or "
                                          "credential_source).")
                             .arg(name);
            return plan;
        }
        if (!profile.exists()) {
            plan.error = AssumeRoleTr::tr("Profile %1 names source_profile = %2, but neither %3 nor %4 has that profile.")
                             .arg(visited.constLast(), name, sharedConfig.configFile().path(),
                                  sharedConfig.credentialsFile().path());
            return plan;
        }
        if (!isRoleProfile(profile)) {
            plan.sourceKind = SourceKind::Profile;
            plan.sourceProfile = name;
            return plan;
        }
        const QString where = profile.describe(kRoleArn);
        if (profile.contains(kSourceProfile) && profile.contains(kCredentialSource)) {
            //: %1 says where the role is set, e.g. "profile dev in /home/ana/.aws/config".
            plan.error = AssumeRoleTr::tr("%1 sets both source_profile and credential_source; keep one of them.").arg(where);
            return plan;
        }
        RoleStep step;
        step.profile = name;
        step.roleArn = profile.value(kRoleArn);
        step.externalId = profile.value(QStringLiteral("external_id"));
        step.sessionName = profile.value(QStringLiteral("role_session_name"));
        step.mfaSerial = profile.value(QStringLiteral("mfa_serial"));
        const QString duration = profile.value(QStringLiteral("duration_seconds"));
        if (!duration.isEmpty()) {
            bool ok = false;
            const int seconds = duration.toInt(&ok);
            if (!ok || seconds <= 0) {
                plan.error = AssumeRoleTr::tr("%1: duration_seconds must be a whole number of seconds (900 to 43200), "
                                              "not “%2”.")
                                 .arg(profile.describe(QStringLiteral("duration_seconds")), duration);
                return plan;
            }
            step.durationSeconds = seconds;
        }
        plan.steps.prepend(step);
        visited.append(name);

        if (profile.contains(kCredentialSource)) {
            const QString source = profile.value(kCredentialSource);
            if (source == QLatin1String("Environment")) {
                plan.sourceKind = SourceKind::Environment;
                return plan;
            }
            if (source == QLatin1String("Ec2InstanceMetadata") || source == QLatin1String("EcsContainer")) {
                plan.error = AssumeRoleTr::tr("%1 sets credential_source = %2; Outcrop supports only Environment.")
                                 .arg(where, source);
            } else {
                plan.error = AssumeRoleTr::tr("%1 sets credential_source = “%2”, which is not one of Environment, "
                                              "Ec2InstanceMetadata or EcsContainer.")
                                 .arg(where, source);
            }
            return plan;
        }
        const QString source = profile.value(kSourceProfile);
        if (source == name) {
            // A profile may name itself as its source when it has static keys (botocore and the JS
            // SDK's fromIni both allow it): the keys sign the AssumeRole call.
            if (profile.contains(kAccessKey) && profile.contains(kSecretKey)) {
                const auto fromCredentialsFile = AwsProfile::Prefer::CredentialsFile;
                plan.sourceKind = SourceKind::OwnStaticKeys;
                plan.ownStaticKeys.accessKeyId = profile.value(kAccessKey, fromCredentialsFile);
                plan.ownStaticKeys.secretAccessKey = profile.value(kSecretKey, fromCredentialsFile);
                plan.ownStaticKeys.sessionToken = profile.value(kSessionToken, fromCredentialsFile);
                plan.ownStaticKeys.source = profile.describe(kAccessKey, fromCredentialsFile);
                return plan;
            }
        }
        if (visited.contains(source)) {
            plan.error = AssumeRoleTr::tr("The source_profile settings form a cycle: %1 → %2 (%3). Make one of them use "
                                          "static keys, credential_process or credential_source.")
                             .arg(visited.join(QStringLiteral(" → ")), source, sharedConfig.configFile().path());
            return plan;
        }
        name = source;
    }
}

QString AssumeRoleProvider::prepareSts(const AwsSharedConfig &sharedConfig, const QString &profileName)
{
    const AwsProfile profile = sharedConfig.profile(profileName);
    RegionResolution region;
    if (!m_settings.region.isEmpty()) {
        region.region = m_settings.region;
        region.source = AssumeRoleTr::tr("the connection's region");
    } else {
        region = resolveRegion({}, m_environment, profile);
        if (region.region.isEmpty()) {
            region = RegionResolution();
            region.region = kDefaultStsRegion;
            region.source = AssumeRoleTr::tr("the default region of STS calls");
        }
    }
    if (!region.isValid()) {
        return region.error;
    }
    const EndpointResolution endpoint
        = resolveServiceEndpoint(QStringLiteral("sts"), {}, m_environment, sharedConfig, profile, region);
    if (!endpoint.isValid()) {
        return AssumeRoleTr::tr("Cannot find the STS endpoint: %1").arg(endpoint.error);
    }
    const QString key = endpoint.url.toString() + QLatin1Char('\n') + region.region;
    if (m_sts && key == m_stsKey) {
        return {};
    }
    AwsClientConfig config;
    config.endpoint = endpoint.url;
    config.region = region.region;
    config.ssl = m_settings.ssl;
    config.clock = m_settings.clock;
    QNetworkAccessManager *network = m_settings.network;
    if (!network) {
        if (!m_ownNetwork) {
            m_ownNetwork = new QNetworkAccessManager(this);
            m_ownNetwork->setProxyFactory(new net::AwsProxyFactory(m_environment.variables()));
        }
        network = m_ownNetwork;
    }
    delete m_sts;
    m_sts = new StsClient(network, &m_stsAuth, config, this);
    m_stsKey = key;
    qCDebug(lcCredentials) << "STS for role profiles:" << endpoint.url.toString() << "from" << endpoint.source;
    return {};
}

void AssumeRoleProvider::resolve(const AwsSharedConfig &sharedConfig, const QString &profileName, Callback callback)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    ++m_generation;
    m_callback = std::move(callback);
    m_plan = buildPlan(sharedConfig, profileName);
    m_nextStep = 0;
    if (m_plan.error.isEmpty()) {
        m_plan.error = prepareSts(sharedConfig, profileName);
    }
    if (!m_plan.error.isEmpty()) {
        const QString error = m_plan.error;
        QMetaObject::invokeMethod(this, [this, error] { finish({}, error); }, Qt::QueuedConnection);
        return;
    }
    // Always asynchronous, even when everything comes from caches.
    QMetaObject::invokeMethod(this, &AssumeRoleProvider::fetchSource, Qt::QueuedConnection);
}

void AssumeRoleProvider::fetchSource()
{
    const RoleStep &first = m_plan.steps.constFirst();
    switch (m_plan.sourceKind) {
    case SourceKind::OwnStaticKeys:
        runStep(m_plan.ownStaticKeys);
        return;
    case SourceKind::Environment: {
        AwsCredentials credentials;
        credentials.accessKeyId = m_environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
        credentials.secretAccessKey = m_environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
        credentials.sessionToken = m_environment.value(QStringLiteral("AWS_SESSION_TOKEN"));
        credentials.source = AssumeRoleTr::tr("environment variables");
        if (!credentials.isValid()) {
            finish({}, AssumeRoleTr::tr("Profile %1 sets credential_source = Environment, but AWS_ACCESS_KEY_ID and "
                                        "AWS_SECRET_ACCESS_KEY are not both set.")
                           .arg(first.profile));
            return;
        }
        runStep(credentials);
        return;
    }
    case SourceKind::Profile:
        break;
    }
    CredentialChain *chain = m_sourceChains.value(m_plan.sourceProfile);
    if (!chain) {
        chain = new CredentialChain(m_environment, this);
        chain->setProfile(m_plan.sourceProfile);
        m_sourceChains.insert(m_plan.sourceProfile, chain);
    }
    chain->setClock(m_clock);
    chain->setProcessTimeout(m_processTimeout);
    chain->disconnect(this);
    const quint64 generation = m_generation;
    const QString sourceProfile = m_plan.sourceProfile;
    const QString roleProfile = first.profile;
    connect(chain, &CredentialChain::resolved, this, [this, generation](const AwsCredentials &credentials) {
        if (generation == m_generation && m_busy) {
            runStep(credentials);
        }
    });
    connect(chain, &CredentialChain::failed, this, [this, generation, sourceProfile, roleProfile](const QString &error) {
        if (generation == m_generation && m_busy) {
            finish({}, AssumeRoleTr::tr("Cannot get the credentials of profile %1, the source_profile of %2: %3")
                           .arg(sourceProfile, roleProfile, error));
        }
    });
    chain->resolve();
}

QString AssumeRoleProvider::cacheKey(const RoleStep &step, const AwsCredentials &source) const
{
    return step.roleArn + QLatin1Char('\n') + source.accessKeyId + QLatin1Char('\n') + step.externalId;
}

void AssumeRoleProvider::runStep(const AwsCredentials &source)
{
    if (m_nextStep >= m_plan.steps.size()) {
        finish(source, {});
        return;
    }
    const RoleStep step = m_plan.steps.at(m_nextStep);
    const AwsCredentials cached = m_cache.value(cacheKey(step, source));
    if (cached.isValid() && !cached.expiresWithin(now(), kRefreshMargin.count())) {
        ++m_nextStep;
        runStep(cached);
        return;
    }
    if (step.mfaSerial.isEmpty()) {
        assume(step, source, {});
        return;
    }
    if (!m_mfaProvider) {
        finish({}, AssumeRoleTr::tr("Profile %1 needs an MFA code (mfa_serial %2), and nothing here can ask for one.")
                       .arg(step.profile, step.mfaSerial));
        return;
    }
    const quint64 generation = m_generation;
    QPointer<AssumeRoleProvider> self(this);
    m_mfaProvider(MfaCodeRequest { step.profile, step.mfaSerial, step.roleArn },
                  [self, generation, step, source](const QString &code, const QString &error) {
                      if (!self || generation != self->m_generation || !self->m_busy) {
                          return;
                      }
                      if (!error.isEmpty() || code.isEmpty()) {
                          self->finish({}, error.isEmpty() ? AssumeRoleTr::tr("No MFA code was given for profile %1.")
                                                                 .arg(step.profile)
                                                           : error);
                          return;
                      }
                      self->assume(step, source, code);
                  });
}

void AssumeRoleProvider::assume(const RoleStep &step, const AwsCredentials &source, const QString &tokenCode)
{
    AssumeRoleRequest request;
    request.roleArn = step.roleArn;
    // The JS SDK's default is "aws-sdk-js-<ms>", botocore's "botocore-session-<s>".
    request.roleSessionName = step.sessionName.isEmpty()
        ? QStringLiteral("outcrop-%1").arg(QDateTime::currentMSecsSinceEpoch())
        : step.sessionName;
    request.externalId = step.externalId;
    request.durationSeconds = step.durationSeconds;
    request.serialNumber = step.mfaSerial;
    request.tokenCode = tokenCode;
    m_stsAuth.setAuth(AwsAuth { source, {} });
    qCDebug(lcCredentials) << "assuming" << step.roleArn << "for profile" << step.profile << "with" << source;
    const quint64 generation = m_generation;
    m_sts->assumeRole(request, this, [this, generation, step, source](const AssumedRole &role, const AwsError &error) {
        m_stsAuth.setAuth(AwsAuth());
        if (generation != m_generation || !m_busy) {
            return;
        }
        if (error.isError()) {
            //: %3 is where the credentials used came from, e.g. "environment variables".
            finish({}, AssumeRoleTr::tr("Cannot assume the role %1 of profile %2 with %3: %4")
                           .arg(step.roleArn, step.profile, source.source, error.userMessage()));
            return;
        }
        AwsCredentials credentials = role.credentials;
        credentials.source = AssumeRoleTr::tr("role %1 of profile %2").arg(step.roleArn, step.profile);
        // Keep only what is still useful: the old entries of a refreshed chain are never read again.
        const QDateTime current = now();
        for (auto it = m_cache.begin(); it != m_cache.end();) {
            it = it.value().expiresWithin(current, 0) ? m_cache.erase(it) : std::next(it);
        }
        m_cache.insert(cacheKey(step, source), credentials);
        ++m_nextStep;
        runStep(credentials);
    });
}

void AssumeRoleProvider::finish(const AwsCredentials &credentials, const QString &error)
{
    if (!m_busy) {
        return;
    }
    m_busy = false;
    ++m_generation;
    const Callback callback = std::exchange(m_callback, {});
    if (callback) {
        callback(credentials, error);
    }
}

} // namespace outcrop::aws
