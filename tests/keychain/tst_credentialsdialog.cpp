// SPDX-License-Identifier: Apache-2.0
// The Credentials dialog: validation, save and remove through the real gnome-keyring of
// scripts/test, non-modal opening, and the "this session only" path without a keyring (child
// process). With OUTCROP_SCREENSHOT_DIR set, saves what it looks like in light and dark palettes.

#include "appprofiles.h"
#include "credentialsdialog.h"
#include "keychaintestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStyleFactory>
#include <QTextStream>

using namespace outcrop;
using namespace outcrop::gui;
using namespace outcrop::keychain;
using namespace outcrop::keychain::test;

namespace {

const char *const kChildArgument = "--no-keyring-child";
const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzDialogSecret");

QPushButton *button(CredentialsDialog &dialog, const QString &text)
{
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    for (QPushButton *candidate : buttons) {
        if (candidate->text().remove(QLatin1Char('&')) == text) {
            return candidate;
        }
    }
    return nullptr;
}

template<typename T>
T *child(CredentialsDialog &dialog, const char *name)
{
    return dialog.findChild<T *>(QString::fromLatin1(name));
}

void fillAccessKey(CredentialsDialog &dialog, const QString &profile, const QString &accessKeyId,
                   const QString &secret, const QString &token = {})
{
    dialog.setProfileName(profile);
    child<QComboBox>(dialog, "kindCombo")->setCurrentIndex(0);
    child<QLineEdit>(dialog, "accessKeyIdEdit")->setText(accessKeyId);
    child<QLineEdit>(dialog, "secretAccessKeyEdit")->setText(secret);
    child<QLineEdit>(dialog, "sessionTokenEdit")->setText(token);
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OUTCROP_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QCoreApplication::processEvents();
        widget.grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png"));
    }
}

// The child: the dialog without a keyring, then a click on its save button.
int runNoKeyringChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    ProfilesFixture fixture(std::chrono::milliseconds(50));
    AppProfiles &profiles = *fixture.profiles;
    CredentialsDialog dialog(&profiles);
    dialog.open();
    QTextStream out(stdout);
    if (!QTest::qWaitFor([&] { return dialog.keyringMode() != CredentialsDialog::KeyringMode::Checking; }, 30000)) {
        out << "no answer\n";
        return 1;
    }
    saveScreenshot(dialog, QStringLiteral("credentials-no-keyring"));
    out << "keyring " << child<QLabel>(dialog, "keyringLabel")->text() << '\n';
    fillAccessKey(dialog, QStringLiteral("offline"), QStringLiteral("AKIAIOSFODNN7EXAMPLE"), kSecret);
    QPushButton *useButton = button(dialog, QStringLiteral("Use for This Session"));
    out << "button " << (useButton ? "found" : "missing") << '\n';
    if (useButton) {
        useButton->click();
    }
    const std::optional<AppProfile> kept = profiles.profile(QStringLiteral("offline"));
    out << "profile " << (kept && kept->thisSessionOnly ? "session" : "absent") << '\n';
    out << "message " << child<QLabel>(dialog, "messageLabel")->text() << '\n';
    out << "settings " << (fixture.settingsBytes().contains("offline") ? "named" : "unnamed") << '\n';
    out.flush();
    return 0;
}

} // namespace

class TestCredentialsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<ProfilesFixture>();
        m_profiles = m_fixture->profiles.get();
        m_dialog = std::make_unique<CredentialsDialog>(m_profiles);
    }
    void cleanup()
    {
        m_dialog.reset();
        m_fixture.reset();
    }

    void opensWithoutBlockingAndShowsTheKeyring()
    {
        m_dialog->open(); // returns at once: the test goes on while the dialog is up
        QVERIFY(m_dialog->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->keyringMode(), CredentialsDialog::KeyringMode::Keyring, 20000);
        QCOMPARE(child<QLabel>(*m_dialog, "keyringLabel")->text(), QStringLiteral("Saved in the system keyring."));
        QVERIFY(button(*m_dialog, QStringLiteral("Save")));
        QVERIFY(!button(*m_dialog, QStringLiteral("Remove"))->isEnabled()); // nothing to remove yet
        fillAccessKey(*m_dialog, QStringLiteral("look"), QStringLiteral("AKIAIOSFODNN7EXAMPLE"), QStringLiteral("x y"));
        m_dialog->validate();
        saveScreenshot(*m_dialog, QStringLiteral("credentials-light"));
        QApplication::setPalette(QPalette(QColor(0x35, 0x35, 0x35), QColor(0x2b, 0x2b, 0x2b)));
        saveScreenshot(*m_dialog, QStringLiteral("credentials-dark"));
        QApplication::setPalette(QApplication::style()->standardPalette());
    }

    void secretFieldsAreHiddenAndLabelled()
    {
        for (const char *name : {"secretAccessKeyEdit", "sessionTokenEdit", "apiKeyEdit"}) {
            QCOMPARE(child<QLineEdit>(*m_dialog, name)->echoMode(), QLineEdit::Password);
        }
        QCOMPARE(child<QLineEdit>(*m_dialog, "accessKeyIdEdit")->echoMode(), QLineEdit::Normal);
        QSet<QWidget *> buddies;
        for (QLabel *label : m_dialog->findChildren<QLabel *>()) {
            if (label->buddy()) {
                buddies.insert(label->buddy());
            }
        }
        for (QWidget *field : m_dialog->findChildren<QWidget *>()) {
            if (qobject_cast<QLineEdit *>(field) && qobject_cast<QComboBox *>(field->parentWidget())) {
                continue; // the combo box's own editor
            }
            if (qobject_cast<QLineEdit *>(field) || qobject_cast<QComboBox *>(field)) {
                QVERIFY2(!field->accessibleName().isEmpty(), qPrintable(field->objectName()));
                QVERIFY2(buddies.contains(field), qPrintable(field->objectName()));
            }
        }
    }

    void validates_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("accessKeyId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("invalidField");
        QTest::addColumn<QString>("message");
        const QString id = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
        QTest::newRow("no profile") << QString() << 0 << id << kSecret << QString() << QStringLiteral("profileCombo")
                                    << QStringLiteral("Enter a profile name.");
        QTest::newRow("profile with slash") << QStringLiteral("a/b") << 0 << id << kSecret << QString()
                                            << QStringLiteral("profileCombo") << QStringLiteral("without spaces or slashes");
        QTest::newRow("no access key id") << QStringLiteral("p") << 0 << QString() << kSecret << QString()
                                          << QStringLiteral("accessKeyIdEdit") << QStringLiteral("Enter the access key ID.");
        QTest::newRow("lower-case id") << QStringLiteral("p") << 0 << QStringLiteral("akiaiosfodnn7example") << kSecret
                                       << QString() << QStringLiteral("accessKeyIdEdit")
                                       << QStringLiteral("16 to 128 capital letters and digits");
        QTest::newRow("short id") << QStringLiteral("p") << 0 << QStringLiteral("AKIA123") << kSecret << QString()
                                  << QStringLiteral("accessKeyIdEdit") << QStringLiteral("16 to 128");
        QTest::newRow("no secret") << QStringLiteral("p") << 0 << id << QString() << QString()
                                   << QStringLiteral("secretAccessKeyEdit")
                                   << QStringLiteral("Enter the secret access key.");
        QTest::newRow("secret with a space") << QStringLiteral("p") << 0 << id << kSecret + QStringLiteral(" ")
                                             << QString() << QStringLiteral("secretAccessKeyEdit")
                                             << QStringLiteral("The secret access key contains a space or line break");
        QTest::newRow("token with a line break") << QStringLiteral("p") << 0 << id << kSecret
                                                 << kSecret + QStringLiteral("\nmore") << QStringLiteral("sessionTokenEdit")
                                                 << QStringLiteral("The session token contains a space or line break");
        QTest::newRow("no api key") << QStringLiteral("p") << 1 << QString() << QString() << QString()
                                    << QStringLiteral("apiKeyEdit") << QStringLiteral("Enter the API key.");
    }
    void validates()
    {
        QFETCH(QString, profile);
        QFETCH(int, kind);
        QFETCH(QString, accessKeyId);
        QFETCH(QString, secret);
        QFETCH(QString, token);
        QFETCH(QString, invalidField);
        QFETCH(QString, message);
        fillAccessKey(*m_dialog, profile, accessKeyId, secret, token);
        child<QComboBox>(*m_dialog, "kindCombo")->setCurrentIndex(kind);
        const QString problem = m_dialog->validate();
        QVERIFY2(problem.contains(message), qPrintable(problem));
        QCOMPARE(child<QLabel>(*m_dialog, "messageLabel")->text(), problem);
        QCOMPARE(m_dialog->findChild<QWidget *>(invalidField)->property("validity").toString(),
                 QStringLiteral("invalid"));
        QVERIFY(!problem.contains(kSecret));
        QVERIFY(!m_dialog->findChild<QWidget *>(invalidField)->toolTip().contains(kSecret));
        // Nothing was saved.
        QVERIFY(m_profiles->profiles().isEmpty());
    }

    void savesReplacesAndRemovesWithTheKeyring()
    {
        m_dialog->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->keyringMode(), CredentialsDialog::KeyringMode::Keyring, 20000);
        const QString name = uniqueProfile(QStringLiteral("dialog"));
        QSignalSpy saved(m_dialog.get(), &CredentialsDialog::saved);
        fillAccessKey(*m_dialog, name, QStringLiteral("ASIAIOSFODNN7EXAMPLE"), kSecret, QStringLiteral("FwoGZXIvYXdzEXAMPLE"));
        button(*m_dialog, QStringLiteral("Save"))->click();
        QVERIFY(m_dialog->isBusy());
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.at(0).at(0).toString(), name);
        QVERIFY(child<QLabel>(*m_dialog, "messageLabel")->text().contains(QStringLiteral("Saved")));
        QVERIFY(child<QLineEdit>(*m_dialog, "secretAccessKeyEdit")->text().isEmpty()); // not kept in the widget
        QVERIFY(!m_profiles->profile(name)->thisSessionOnly);
        QVERIFY(child<QLabel>(*m_dialog, "storedLabel")->text().contains(QStringLiteral("an access key pair")));
        QCOMPARE(rawRead(KeychainStore::entryKey(name, AppProfiles::kSecretAccessKeyField)).data, kSecret.toUtf8());

        // Replaced by an API key.
        child<QComboBox>(*m_dialog, "kindCombo")->setCurrentIndex(1);
        child<QLineEdit>(*m_dialog, "apiKeyEdit")->setText(QStringLiteral("ABSKdialogApiKeyUnderTest"));
        button(*m_dialog, QStringLiteral("Save"))->click();
        QVERIFY(saved.wait(20000));
        QCOMPARE(m_profiles->profile(name)->kind, CredentialKind::ApiKey);
        QCOMPARE(rawRead(KeychainStore::entryKey(name, AppProfiles::kSecretAccessKeyField)).status,
                 KeychainStatus::NotFound);

        QSignalSpy removed(m_dialog.get(), &CredentialsDialog::removed);
        QPushButton *remove = button(*m_dialog, QStringLiteral("Remove"));
        QVERIFY(remove->isEnabled());
        remove->click();
        QVERIFY(removed.wait(20000));
        QVERIFY(!m_profiles->profile(name));
        QCOMPARE(rawRead(KeychainStore::entryKey(name, AppProfiles::kApiKeyField)).status, KeychainStatus::NotFound);
        QVERIFY(!remove->isEnabled());
    }

    void choosingAProfileShowsItsKind()
    {
        const QString name = uniqueProfile(QStringLiteral("chosen"));
        AppCredentials credentials;
        credentials.kind = CredentialKind::ApiKey;
        credentials.apiKey = "ABSKchosen";
        m_profiles->useForThisSession(name, credentials);
        QCOMPARE(child<QComboBox>(*m_dialog, "profileCombo")->findText(name), 0); // listed
        m_dialog->setProfileName(name);
        QCOMPARE(child<QComboBox>(*m_dialog, "kindCombo")->currentIndex(), 1);
        QVERIFY(child<QLabel>(*m_dialog, "storedLabel")->text().contains(QStringLiteral("this session only")));
        QVERIFY(child<QLineEdit>(*m_dialog, "apiKeyEdit")->text().isEmpty()); // never read back
    }

    void closingWhileSavingIsSafe()
    {
        m_dialog->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->keyringMode(), CredentialsDialog::KeyringMode::Keyring, 20000);
        const QString name = uniqueProfile(QStringLiteral("closed"));
        fillAccessKey(*m_dialog, name, QStringLiteral("AKIAIOSFODNN7EXAMPLE"), kSecret);
        button(*m_dialog, QStringLiteral("Save"))->click();
        m_dialog.reset();
        QTRY_VERIFY_WITH_TIMEOUT(m_profiles->profile(name).has_value(), 20000);
        ResultWaiter waiter;
        m_profiles->remove(name, this, waiter.callback());
        QVERIFY(waiter.wait());
    }

    void offersThisSessionWithoutAKeyring_data()
    {
        QTest::addColumn<NoKeyring>("kind");
        QTest::addColumn<QByteArray>("why");
        QTest::newRow("no session bus") << NoKeyring::NoBus << QByteArray("No keyring is available");
        // A real, locked gnome-keyring: its unlock prompt fails, or is shown and dismissed.
        QTest::newRow("locked, prompt fails") << NoKeyring::LockedNoPrompter << QByteArray("The system keyring is locked");
        QTest::newRow("locked, prompt dismissed")
            << NoKeyring::LockedPromptDismissed << QByteArray("The system keyring is locked");
    }
    void offersThisSessionWithoutAKeyring()
    {
        QFETCH(NoKeyring, kind);
        QFETCH(QByteArray, why);
        const TestChild::Output output = TestChild::run(kind, {QString::fromLatin1(kChildArgument)});
        QVERIFY2(output.finished, output.stdErr.constData());
        QCOMPARE(output.exitCode, 0);
        const QList<QByteArray> lines = output.stdOut.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.at(0), QByteArray("keyring " + why + ": these credentials will be used for this "
                                         "session only and not saved."));
        QCOMPARE(lines.at(1), QByteArray("button found"));
        QCOMPARE(lines.at(2), QByteArray("profile session"));
        QVERIFY2(lines.at(3).contains("nothing was saved"), lines.at(3).constData());
        QCOMPARE(lines.at(4), QByteArray("settings unnamed"));
        QVERIFY(!output.stdOut.contains(kSecret.toUtf8()));
        QVERIFY(!output.stdErr.contains(kSecret.toUtf8()));
    }

private:
    std::unique_ptr<ProfilesFixture> m_fixture;
    AppProfiles *m_profiles = nullptr;
    std::unique_ptr<CredentialsDialog> m_dialog;
};

int main(int argc, char **argv)
{
    return keychainTestMain<QApplication, TestCredentialsDialog>(argc, argv, {{kChildArgument, runNoKeyringChild}});
}

#include "tst_credentialsdialog.moc"
