<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AssumeRoleProvider</name>
        <message>
            <source>Profile %1 does not assume a role (no role_arn with source_profile or credential_source).</source>
            <translation>Profil %1 übernimmt keine Rolle (kein role_arn mit source_profile oder credential_source).</translation>
        </message>
        <message>
            <source>Profile %1 names source_profile = %2, but neither %3 nor %4 has that profile.</source>
            <translation>Profil %1 nennt source_profile = %2, aber weder %3 noch %4 enthält dieses Profil.</translation>
        </message>
        <message>
            <source>%1 sets both source_profile and credential_source; keep one of them.</source>
            <extracomment>%1 says where the role is set, e.g. "profile dev in /home/ana/.aws/config".</extracomment>
            <translation>%1 setzt sowohl source_profile als auch credential_source; behalten Sie nur eines davon.</translation>
        </message>
        <message>
            <source>%1: duration_seconds must be a whole number of seconds (900 to 43200), not “%2”.</source>
            <translation>%1: duration_seconds muss eine ganze Zahl von Sekunden sein (900 bis 43200), nicht „%2“.</translation>
        </message>
        <message>
            <source>%1 sets credential_source = %2; Outcrop supports only Environment.</source>
            <translation>%1 setzt credential_source = %2; Outcrop unterstützt nur Environment.</translation>
        </message>
        <message>
            <source>%1 sets credential_source = “%2”, which is not one of Environment, Ec2InstanceMetadata or EcsContainer.</source>
            <translation>%1 setzt credential_source = „%2“, das ist keiner der Werte Environment, Ec2InstanceMetadata oder EcsContainer.</translation>
        </message>
        <message>
            <source>The source_profile settings form a cycle: %1 → %2 (%3). Make one of them use static keys, credential_process or credential_source.</source>
            <translation>Die source_profile-Einstellungen bilden einen Kreis: %1 → %2 (%3). Lassen Sie eines der Profile statische Schlüssel, credential_process oder credential_source verwenden.</translation>
        </message>
        <message>
            <source>the connection's region</source>
            <translation>die Region der Verbindung</translation>
        </message>
        <message>
            <source>the default region of STS calls</source>
            <translation>die Standardregion für STS-Aufrufe</translation>
        </message>
        <message>
            <source>Cannot find the STS endpoint: %1</source>
            <translation>Der STS-Endpunkt kann nicht ermittelt werden: %1</translation>
        </message>
        <message>
            <source>environment variables</source>
            <translation>Umgebungsvariablen</translation>
        </message>
        <message>
            <source>Profile %1 sets credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set.</source>
            <translation>Profil %1 setzt credential_source = Environment, aber AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY sind nicht beide gesetzt.</translation>
        </message>
        <message>
            <source>Cannot get the credentials of profile %1, the source_profile of %2: %3</source>
            <translation>Die Anmeldedaten von Profil %1 (source_profile von %2) können nicht beschafft werden: %3</translation>
        </message>
        <message>
            <source>Profile %1 needs an MFA code (mfa_serial %2), and nothing here can ask for one.</source>
            <translation>Profil %1 braucht einen MFA-Code (mfa_serial %2), und hier kann nichts danach fragen.</translation>
        </message>
        <message>
            <source>No MFA code was given for profile %1.</source>
            <translation>Für Profil %1 wurde kein MFA-Code angegeben.</translation>
        </message>
        <message>
            <source>Cannot assume the role %1 of profile %2 with %3: %4</source>
            <translation>Die Rolle %1 von Profil %2 kann mit %3 nicht übernommen werden: %4</translation>
        </message>
        <message>
            <source>role %1 of profile %2</source>
            <translation>Rolle %1 von Profil %2</translation>
        </message>
    </context>
    <context>
        <name>AtomicFileWriter</name>
        <message>
            <source>No output file given.</source>
            <translation>Keine Ausgabedatei angegeben.</translation>
        </message>
        <message>
            <source>Cannot write to standard output: %1</source>
            <translation>Schreiben auf die Standardausgabe nicht möglich: %1</translation>
        </message>
        <message>
            <source>Refusing to write %1: it is a symbolic link. Give the path of the file it points to, or remove the link.</source>
            <translation>%1 wird nicht geschrieben: Es ist ein symbolischer Link. Geben Sie den Pfad der Datei an, auf die er zeigt, oder entfernen Sie den Link.</translation>
        </message>
        <message>
            <source>Cannot write %1: it is a directory.</source>
            <translation>%1 kann nicht geschrieben werden: Es ist ein Verzeichnis.</translation>
        </message>
        <message>
            <source>Refusing to write %1: it is not a regular file (a device, pipe or socket would be replaced, not written to). Use - for standard output.</source>
            <translation>%1 wird nicht geschrieben: Es ist keine reguläre Datei (ein Gerät, eine Pipe oder ein Socket würde ersetzt statt beschrieben). Verwenden Sie - für die Standardausgabe.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>Cannot write %1: it names a directory, not a file.</source>
            <translation>%1 kann nicht geschrieben werden: Es bezeichnet ein Verzeichnis, keine Datei.</translation>
        </message>
        <message>
            <source>Cannot create a temporary file in %1 to write %2: %3</source>
            <translation>In %1 kann keine temporäre Datei zum Schreiben von %2 angelegt werden: %3</translation>
        </message>
        <message>
            <source>Cannot create a temporary file in %1 to write %2: every name tried already exists.</source>
            <translation>In %1 kann keine temporäre Datei zum Schreiben von %2 angelegt werden: Jeder versuchte Name existiert bereits.</translation>
        </message>
        <message>
            <source>Cannot write %1: the output is not open.</source>
            <translation>%1 kann nicht geschrieben werden: Die Ausgabe ist nicht geöffnet.</translation>
        </message>
        <message>
            <source>Cannot replace %1: %2</source>
            <translation>%1 kann nicht ersetzt werden: %2</translation>
        </message>
        <message>
            <source>Writing to standard output failed: %1. The output is incomplete.</source>
            <translation>Schreiben auf die Standardausgabe fehlgeschlagen: %1. Die Ausgabe ist unvollständig.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2. %1 was not changed.</source>
            <translation>%1 kann nicht geschrieben werden: %2. %1 wurde nicht verändert.</translation>
        </message>
    </context>
    <context>
        <name>AwsClient</name>
        <message>
            <source>Could not reach %1: %2</source>
            <translation>%1 ist nicht erreichbar: %2</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <source>%1 timed out after %2 s.</source>
            <translation>Zeitüberschreitung bei %1 nach %2 s.</translation>
        </message>
        <message>
            <source>%1 returned a reply Outcrop cannot read: %2</source>
            <translation>%1 hat eine Antwort geliefert, die Outcrop nicht lesen kann: %2</translation>
        </message>
        <message>
            <source>If the endpoint uses a private certificate authority, give its certificate with AWS_CA_BUNDLE or ca_bundle in the profile.</source>
            <translation>Wenn der Endpunkt eine private Zertifizierungsstelle verwendet, geben Sie deren Zertifikat mit AWS_CA_BUNDLE oder ca_bundle im Profil an.</translation>
        </message>
    </context>
    <context>
        <name>AwsConfigFile</name>
        <message>
            <source>%1: cannot be read: %2</source>
            <extracomment>%1 is a file's path, %2 the system's reason.</extracomment>
            <translation>%1: kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>unexpected text after the section header's closing ']'</source>
            <translation>unerwarteter Text nach der schließenden ']' der Abschnittsüberschrift</translation>
        </message>
        <message>
            <source>section header without a closing ']'</source>
            <translation>Abschnittsüberschrift ohne schließende ']'</translation>
        </message>
        <message>
            <source>section header without a name</source>
            <translation>Abschnittsüberschrift ohne Namen</translation>
        </message>
        <message>
            <source>expected “key = value”, a [section] header or a comment</source>
            <translation>erwartet wurde „Schlüssel = Wert“, eine [Abschnitt]-Überschrift oder ein Kommentar</translation>
        </message>
        <message>
            <source>a setting without a name (the line starts with '=')</source>
            <translation>eine Einstellung ohne Namen (die Zeile beginnt mit '=')</translation>
        </message>
        <message>
            <source>the setting “%1” comes before any [section] header</source>
            <translation>die Einstellung „%1“ steht vor jeder [Abschnitt]-Überschrift</translation>
        </message>
    </context>
    <context>
        <name>AwsError</name>
        <message>
            <source>HTTP %1 with a reply that is not JSON</source>
            <translation>HTTP %1 mit einer Antwort, die kein JSON ist</translation>
        </message>
        <message>
            <source>Access denied.</source>
            <translation>Zugriff verweigert.</translation>
        </message>
        <message>
            <source>Access denied: your credentials are not allowed %1. Ask your AWS administrator to grant that IAM action.</source>
            <translation>Zugriff verweigert: Ihre Anmeldedaten dürfen %1 nicht. Bitten Sie Ihre AWS-Administration, diese IAM-Aktion zu erlauben.</translation>
        </message>
        <message>
            <source>The service rejected the request as invalid.</source>
            <translation>Der Dienst hat die Anfrage als ungültig abgelehnt.</translation>
        </message>
        <message>
            <source>The service had an internal error; trying again later usually helps.</source>
            <translation>Der Dienst hatte einen internen Fehler; ein späterer neuer Versuch hilft meist.</translation>
        </message>
        <message>
            <source>The service is throttling requests; wait a moment and try again.</source>
            <translation>Der Dienst drosselt Anfragen; warten Sie kurz und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Not found: the deployment or model does not exist in this account and region (it may have been deleted).</source>
            <translation>Nicht gefunden: Das Deployment oder Modell existiert in diesem Konto und dieser Region nicht (es wurde vielleicht gelöscht).</translation>
        </message>
        <message>
            <source>The deployment is busy with another change; try again when it has finished.</source>
            <translation>Das Deployment wird gerade anderweitig geändert; versuchen Sie es erneut, wenn das abgeschlossen ist.</translation>
        </message>
        <message>
            <source>A service quota is exhausted; request an increase in the Service Quotas console.</source>
            <translation>Ein Dienstkontingent ist ausgeschöpft; beantragen Sie eine Erhöhung in der Konsole Service Quotas.</translation>
        </message>
        <message>
            <source>Too many tags on the resource.</source>
            <translation>Zu viele Tags an der Ressource.</translation>
        </message>
        <message>
            <source>The credentials have expired; refresh them (for example with 'aws sso login') and try again.</source>
            <translation>Die Anmeldedaten sind abgelaufen; erneuern Sie sie (etwa mit 'aws sso login') und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The request signature was rejected: check the secret access key, and that this computer's clock is right.</source>
            <translation>Die Signatur der Anfrage wurde abgelehnt: Prüfen Sie den geheimen Zugriffsschlüssel und ob die Uhr dieses Computers richtig geht.</translation>
        </message>
        <message>
            <source>The access key id is not known to AWS in this partition: check the credentials and the region.</source>
            <translation>Die Zugriffsschlüssel-ID ist AWS in dieser Partition unbekannt: Prüfen Sie Anmeldedaten und Region.</translation>
        </message>
        <message>
            <source>The service returned the error %1.</source>
            <translation>Der Dienst hat den Fehler %1 gemeldet.</translation>
        </message>
        <message>
            <source>The service said: %1</source>
            <translation>Meldung des Dienstes: %1</translation>
        </message>
        <message>
            <source>(request id %1)</source>
            <translation>(Request-ID %1)</translation>
        </message>
    </context>
    <context>
        <name>AwsSharedConfig</name>
        <message>
            <source>profile %1 in %2</source>
            <extracomment>Where a setting was found; %2 is a file's path. Used inside other messages.</extracomment>
            <translation>Profil %1 in %2</translation>
        </message>
        <message>
            <source>profile %1 names the services section “%2”, but %3 has no [services %2]</source>
            <translation>Profil %1 nennt den services-Abschnitt „%2“, aber %3 hat kein [services %2]</translation>
        </message>
    </context>
    <context>
        <name>BedrockClient</name>
        <message>
            <source>Outcrop is read-only (--read-only, or the profile's read-only setting): %1 was not sent and nothing was changed.</source>
            <translation>Outcrop ist schreibgeschützt (--read-only oder die Schreibschutz-Einstellung des Profils): %1 wurde nicht gesendet, nichts wurde geändert.</translation>
        </message>
    </context>
    <context>
        <name>BedrockJson</name>
        <message>
            <source>the reply has no %1, which is required</source>
            <translation>der Antwort fehlt das erforderliche Feld %1</translation>
        </message>
        <message>
            <source>%1 in the reply is not a string</source>
            <translation>%1 in der Antwort ist keine Zeichenkette</translation>
        </message>
        <message>
            <source>%1 in the reply is "%2", not an RFC 3339 time</source>
            <translation>%1 in der Antwort ist „%2“, keine Zeit nach RFC 3339</translation>
        </message>
        <message>
            <source>the reply is not valid JSON (%1 at byte %2)</source>
            <translation>die Antwort ist kein gültiges JSON (%1 bei Byte %2)</translation>
        </message>
        <message>
            <source>the reply is not a JSON object</source>
            <translation>die Antwort ist kein JSON-Objekt</translation>
        </message>
        <message>
            <source>nextToken in the reply is not a string</source>
            <translation>nextToken in der Antwort ist keine Zeichenkette</translation>
        </message>
        <message>
            <source>modelDeploymentSummaries in the reply is not a list</source>
            <translation>modelDeploymentSummaries in der Antwort ist keine Liste</translation>
        </message>
        <message>
            <source>%1 in the reply is not an object</source>
            <translation>%1 in der Antwort ist kein Objekt</translation>
        </message>
        <message>
            <source>tags in the reply is not a list</source>
            <translation>tags in der Antwort ist keine Liste</translation>
        </message>
    </context>
    <context>
        <name>BedrockSession</name>
        <message>
            <source>No STS client: the session is authenticated for Bedrock only.</source>
            <translation>Kein STS-Client: Die Sitzung ist nur für Bedrock authentifiziert.</translation>
        </message>
        <message>
            <source>No STS endpoint.</source>
            <translation>Kein STS-Endpunkt.</translation>
        </message>
    </context>
    <context>
        <name>CommandLine</name>
        <message>
            <source>Outcrop: a dashboard for Amazon Bedrock custom model deployments.
Without --export it opens the dashboard; with --export it writes a CSV file and exits.</source>
            <translation>Outcrop: ein Dashboard für Deployments eigener Modelle in Amazon Bedrock.
Ohne --export öffnet es das Dashboard; mit --export schreibt es eine CSV-Datei und beendet sich.</translation>
        </message>
        <message>
            <source>Run against the built-in Bedrock simulator with generated data instead of AWS.</source>
            <translation>Mit dem eingebauten Bedrock-Simulator und erzeugten Daten statt mit AWS arbeiten.</translation>
        </message>
        <message>
            <source>Write a detailed log for support cases to outcrop-debug.log in Outcrop's data folder (secrets are redacted); the path is printed at start.</source>
            <translation>Ein ausführliches Protokoll für Supportfälle nach outcrop-debug.log im Datenordner von Outcrop schreiben (Geheimnisse werden geschwärzt); der Pfad wird beim Start ausgegeben.</translation>
        </message>
        <message>
            <source>How many deployments the simulator generates with --demo (default 300).</source>
            <translation>Wie viele Deployments der Simulator mit --demo erzeugt (Standard: 300).</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>The language of the user interface and the locale of dates and numbers, e.g. de, ja or en (default: the system's).</source>
            <translation>Die Sprache der Oberfläche und das Gebietsschema für Datum und Zahlen, z. B. de, ja oder en (Standard: das des Systems).</translation>
        </message>
        <message>
            <source>locale</source>
            <translation>Gebietsschema</translation>
        </message>
        <message>
            <source>Unexpected argument "%1"; see --help.</source>
            <translation>Unerwartetes Argument „%1“; siehe --help.</translation>
        </message>
        <message>
            <source>--demo-count: '%1' is not a number from 0 to 1000000.</source>
            <translation>--demo-count: '%1' ist keine Zahl von 0 bis 1000000.</translation>
        </message>
        <message>
            <source>--lang: '%1' is not a known locale name such as de, ja or en.</source>
            <translation>--lang: '%1' ist kein bekanntes Gebietsschema wie de, ja oder en.</translation>
        </message>
        <message>
            <source>writing a debug log (secrets redacted) to %1</source>
            <translation>Debug-Protokoll (Geheimnisse geschwärzt) wird nach %1 geschrieben</translation>
        </message>
        <message>
            <source>Never change anything: creating, updating, deleting and tagging deployments are hidden and refused for this session.</source>
            <translation>Nichts verändern: Erstellen, Aktualisieren, Löschen und Taggen von Deployments sind in dieser Sitzung ausgeblendet und werden abgelehnt.</translation>
        </message>
    </context>
    <context>
        <name>CreateDeploymentDialog</name>
        <message>
            <source>New Deployment</source>
            <translation>Neues Deployment</translation>
        </message>
        <message>
            <source>Deploys a custom model for on-demand inference. Its ARN is the model id for InvokeModel and Converse.</source>
            <translation>Stellt ein benutzerdefiniertes Modell für On-Demand-Inferenz bereit. Sein ARN ist die Modell-ID für InvokeModel und Converse.</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>e.g. support-bot-v2</source>
            <translation>z. B. support-bot-v2</translation>
        </message>
        <message>
            <source>Deployment name</source>
            <translation>Name des Deployments</translation>
        </message>
        <message>
            <source>Custom &amp;model:</source>
            <translation>Benutzerdefiniertes &amp;Modell:</translation>
        </message>
        <message>
            <source>Custom model</source>
            <translation>Benutzerdefiniertes Modell</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Beschreibung:</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>&amp;Tags:</source>
            <translation>&amp;Tags:</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Key</source>
            <comment>tag</comment>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>Value</source>
            <comment>tag</comment>
            <translation>Wert</translation>
        </message>
        <message>
            <source>&amp;Add Tag</source>
            <translation>Tag &amp;hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Remove Tag</source>
            <translation>Tag &amp;entfernen</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
    </context>
    <context>
        <name>CredentialChain</name>
        <message>
            <source>%1 (file not found)</source>
            <extracomment>A line of "No AWS credentials found … Searched:"; %1 is a file's path.</extracomment>
            <translation>%1 (Datei nicht gefunden)</translation>
        </message>
        <message>
            <source>%1, %2 (%3)</source>
            <extracomment>A line of "No AWS credentials found … Searched:"; %1 a file's path, %2 a section such as [profile dev], %3 what was missing there.</extracomment>
            <translation>%1, %2 (%3)</translation>
        </message>
        <message>
            <source>no aws_access_key_id / aws_secret_access_key</source>
            <translation>kein aws_access_key_id / aws_secret_access_key</translation>
        </message>
        <message>
            <source>no such section</source>
            <translation>kein solcher Abschnitt</translation>
        </message>
        <message>
            <source>credentials entered in Outcrop</source>
            <translation>in Outcrop eingegebene Anmeldedaten</translation>
        </message>
        <message>
            <source>credentials entered in Outcrop (none)</source>
            <translation>in Outcrop eingegebene Anmeldedaten (keine)</translation>
        </message>
        <message>
            <source>environment variables %1 / %2 (skipped: profile %3 was chosen, which takes precedence as in the AWS SDK for JavaScript)</source>
            <translation>Umgebungsvariablen %1 / %2 (übersprungen: Profil %3 wurde gewählt und hat wie im AWS SDK for JavaScript Vorrang)</translation>
        </message>
        <message>
            <source>environment variables</source>
            <translation>Umgebungsvariablen</translation>
        </message>
        <message>
            <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time.</source>
            <translation>AWS_CREDENTIAL_EXPIRATION ist keine Zeitangabe nach ISO 8601.</translation>
        </message>
        <message>
            <source>environment variables %1 / %2 (%3)</source>
            <translation>Umgebungsvariablen %1 / %2 (%3)</translation>
        </message>
        <message>
            <source>only %1 is set</source>
            <translation>nur %1 ist gesetzt</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>nicht gesetzt</translation>
        </message>
        <message>
            <source>Cannot read the AWS configuration: %1</source>
            <translation>Die AWS-Konfiguration kann nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>No AWS credentials found for profile %1. Searched:</source>
            <translation>Keine AWS-Anmeldedaten für Profil %1 gefunden. Durchsucht:</translation>
        </message>
        <message>
            <source>%1 has a section [%2]; in the config file a profile is written [profile %2].</source>
            <translation>%1 hat einen Abschnitt [%2]; in der config-Datei wird ein Profil als [profile %2] geschrieben.</translation>
        </message>
        <message>
            <source>Profile %1 %2; Outcrop does not support that kind of profile yet. Use static keys, credential_process or environment variables for now.</source>
            <extracomment>%2 says what the profile uses, e.g. "uses web identity (web_identity_token_file)".</extracomment>
            <translation>Profil %1 %2; diese Art von Profil unterstützt Outcrop noch nicht. Verwenden Sie vorerst statische Schlüssel, credential_process oder Umgebungsvariablen.</translation>
        </message>
        <message>
            <source>; profile %1 has only one of %2 and %3</source>
            <translation>; Profil %1 hat nur einen von %2 und %3</translation>
        </message>
        <message>
            <source>uses web identity (web_identity_token_file)</source>
            <extracomment>Completes "Profile NAME …; Outcrop does not support that kind of profile yet."</extracomment>
            <translation>verwendet Web Identity (web_identity_token_file)</translation>
        </message>
        <message>
            <source>credential_process of profile %1 (not set)</source>
            <translation>credential_process von Profil %1 (nicht gesetzt)</translation>
        </message>
        <message>
            <source>uses “aws login” (login_session)</source>
            <extracomment>Completes "Profile NAME …; Outcrop does not support that kind of profile yet."</extracomment>
            <translation>verwendet „aws login“ (login_session)</translation>
        </message>
    </context>
    <context>
        <name>CredentialProcess</name>
        <message>
            <source>its command line cannot be split into words (%1)</source>
            <translation>seine Befehlszeile lässt sich nicht in Wörter zerlegen (%1)</translation>
        </message>
        <message>
            <source>its command line is empty</source>
            <translation>seine Befehlszeile ist leer</translation>
        </message>
        <message>
            <source>the program “%1” was not found in PATH</source>
            <translation>das Programm „%1“ wurde im PATH nicht gefunden</translation>
        </message>
        <message>
            <source>the program “%1” could not be started: %2</source>
            <translation>das Programm „%1“ konnte nicht gestartet werden: %2</translation>
        </message>
        <message>
            <source>“%1” did not finish within %2 seconds and was stopped</source>
            <translation>„%1“ war nicht innerhalb von %2 Sekunden fertig und wurde beendet</translation>
        </message>
        <message>
            <source>“%1” printed more than %2 bytes; that is not a credentials document</source>
            <translation>„%1“ gab mehr als %2 Bytes aus; das ist kein Anmeldedaten-Dokument</translation>
        </message>
        <message>
            <source>“%1” crashed and printed nothing on standard error</source>
            <translation>„%1“ ist abgestürzt und hat nichts auf der Standardfehlerausgabe ausgegeben</translation>
        </message>
        <message>
            <source>“%1” crashed. Its standard error:
%2</source>
            <translation>„%1“ ist abgestürzt. Seine Standardfehlerausgabe:
%2</translation>
        </message>
        <message>
            <source>“%1” exited with code %2 and printed nothing on standard error</source>
            <translation>„%1“ endete mit Code %2 und hat nichts auf der Standardfehlerausgabe ausgegeben</translation>
        </message>
        <message>
            <source>“%1” exited with code %2. Its standard error:
%3</source>
            <translation>„%1“ endete mit Code %2. Seine Standardfehlerausgabe:
%3</translation>
        </message>
        <message>
            <source>“%1” %2</source>
            <extracomment>%1 is the program, %2 what it did wrong, e.g. "printed no "Version" (it must be 1)".</extracomment>
            <translation>„%1“ %2</translation>
        </message>
        <message>
            <source>credential_process of profile %1</source>
            <translation>credential_process von Profil %1</translation>
        </message>
        <message>
            <source>credential_process of profile %1 failed: %2</source>
            <translation>credential_process von Profil %1 ist fehlgeschlagen: %2</translation>
        </message>
        <message>
            <source>printed something that is not a JSON object (%1)</source>
            <translation>gab etwas aus, das kein JSON-Objekt ist (%1)</translation>
        </message>
        <message>
            <source>not an object</source>
            <translation>kein Objekt</translation>
        </message>
        <message>
            <source>printed no "Version" (it must be 1)</source>
            <translation>gab keine "Version" aus (sie muss 1 sein)</translation>
        </message>
        <message>
            <source>printed a "Version" other than 1; only Version 1 is known</source>
            <translation>gab eine andere "Version" als 1 aus; bekannt ist nur Version 1</translation>
        </message>
        <message>
            <source>printed no %1</source>
            <translation>gab kein %1 aus</translation>
        </message>
        <message>
            <source>printed no %1 and %2</source>
            <translation>gab weder %1 noch %2 aus</translation>
        </message>
        <message>
            <source>printed a "SessionToken" that is not a string</source>
            <translation>gab ein "SessionToken" aus, das keine Zeichenkette ist</translation>
        </message>
        <message>
            <source>printed an "Expiration" that is not an ISO 8601 time (%1)</source>
            <translation>gab eine "Expiration" aus, die keine Zeitangabe nach ISO 8601 ist (%1)</translation>
        </message>
        <message>
            <source>returned expired credentials (Expiration %1)</source>
            <translation>lieferte abgelaufene Anmeldedaten (Expiration %1)</translation>
        </message>
    </context>
    <context>
        <name>CredentialsDialog</name>
        <message>
            <source>Credentials</source>
            <translation>Anmeldedaten</translation>
        </message>
        <message>
            <source>Credentials of the app's own profiles are kept in the system keyring, never in a file.</source>
            <translation>Anmeldedaten der eigenen Profile der App liegen im Schlüsselbund des Systems, nie in einer Datei.</translation>
        </message>
        <message>
            <source>&amp;Profile:</source>
            <translation>&amp;Profil:</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <source>Stored credentials</source>
            <translation>Gespeicherte Anmeldedaten</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Art:</translation>
        </message>
        <message>
            <source>Kind of credentials</source>
            <translation>Art der Anmeldedaten</translation>
        </message>
        <message>
            <source>Access key pair</source>
            <translation>Zugriffsschlüsselpaar</translation>
        </message>
        <message>
            <source>Bedrock API key</source>
            <translation>Bedrock-API-Schlüssel</translation>
        </message>
        <message>
            <source>Access key &amp;ID:</source>
            <translation>Zugriffsschlüssel-&amp;ID:</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>Zugriffsschlüssel-ID</translation>
        </message>
        <message>
            <source>AKIA…</source>
            <translation>AKIA…</translation>
        </message>
        <message>
            <source>Se&amp;cret access key:</source>
            <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
        </message>
        <message>
            <source>Secret access key</source>
            <translation>Geheimer Zugriffsschlüssel</translation>
        </message>
        <message>
            <source>Session &amp;token:</source>
            <translation>Sitzungs&amp;token:</translation>
        </message>
        <message>
            <source>Session token</source>
            <translation>Sitzungstoken</translation>
        </message>
        <message>
            <source>Optional, for temporary credentials</source>
            <translation>Optional, für temporäre Anmeldedaten</translation>
        </message>
        <message>
            <source>&amp;API key:</source>
            <translation>&amp;API-Schlüssel:</translation>
        </message>
        <message>
            <source>Keyring state</source>
            <translation>Zustand des Schlüsselbunds</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
    </context>
    <context>
        <name>CsvWriter</name>
        <message>
            <source>the output is not open for writing</source>
            <translation>die Ausgabe ist nicht zum Schreiben geöffnet</translation>
        </message>
    </context>
    <context>
        <name>DebugLog</name>
        <message>
            <source>Cannot write the debug log %1: %2</source>
            <translation>Das Debug-Protokoll %1 kann nicht geschrieben werden: %2</translation>
        </message>
    </context>
    <context>
        <name>DeploymentExport</name>
        <message>
            <source>What was written to standard output is incomplete.</source>
            <translation>Was auf die Standardausgabe geschrieben wurde, ist unvollständig.</translation>
        </message>
        <message>
            <source>The export was cancelled.</source>
            <translation>Der Export wurde abgebrochen.</translation>
        </message>
        <message>
            <source>Source %1: %2</source>
            <translation>Quelle %1: %2</translation>
        </message>
    </context>
    <context>
        <name>DeploymentMutations</name>
        <message>
            <source>Tag %1</source>
            <translation>Tag Nr. %1</translation>
        </message>
        <message>
            <source>%1: the key is empty; a tag key needs 1 to %2 characters.</source>
            <translation>%1: Der Schlüssel ist leer; ein Tag-Schlüssel braucht 1 bis %2 Zeichen.</translation>
        </message>
        <message>
            <source>%1: the key is %2 characters long; at most %3 are allowed.</source>
            <translation>%1: Der Schlüssel ist %2 Zeichen lang; höchstens %3 sind erlaubt.</translation>
        </message>
        <message>
            <source>%1: the key "%2" may only hold letters a-z and A-Z, digits, spaces and . _ : / = + @ -.</source>
            <translation>%1: Der Schlüssel „%2“ darf nur die Buchstaben a-z und A-Z, Ziffern, Leerzeichen und . _ : / = + @ - enthalten.</translation>
        </message>
        <message>
            <source>%1: the key "%2" starts with "aws:", which AWS reserves for its own tags.</source>
            <translation>%1: Der Schlüssel „%2“ beginnt mit „aws:“, das AWS für eigene Tags reserviert.</translation>
        </message>
        <message>
            <source>The deployment name is required: 1 to %1 letters, digits, '-' and '_'.</source>
            <translation>Der Deployment-Name ist erforderlich: 1 bis %1 Buchstaben, Ziffern, '-' und '_'.</translation>
        </message>
        <message>
            <source>The deployment name is %1 characters long; at most %2 are allowed.</source>
            <translation>Der Deployment-Name ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
        </message>
        <message>
            <source>The deployment name "%1" is not allowed: use letters a-z and A-Z, digits, '-' and '_', start with a letter or digit, and never put two of '-' and '_' in a row.</source>
            <translation>Der Deployment-Name „%1“ ist nicht erlaubt: Verwenden Sie die Buchstaben a-z und A-Z, Ziffern, '-' und '_', beginnen Sie mit einem Buchstaben oder einer Ziffer und setzen Sie nie zwei von '-' und '_' hintereinander.</translation>
        </message>
        <message>
            <source>The description is %1 characters long; at most %2 are allowed.</source>
            <translation>Die Beschreibung ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
        </message>
        <message>
            <source>There are %1 tags; at most %2 can be sent at once.</source>
            <translation>Es sind %1 Tags; höchstens %2 können auf einmal gesendet werden.</translation>
        </message>
        <message>
            <source>%1 (%2): the value is %3 characters long; at most %4 are allowed.</source>
            <translation>%1 (%2): Der Wert ist %3 Zeichen lang; höchstens %4 sind erlaubt.</translation>
        </message>
        <message>
            <source>%1 (%2): the value "%3" may only hold letters a-z and A-Z, digits, spaces and . _ : / = + @ -.</source>
            <translation>%1 (%2): Der Wert „%3“ darf nur die Buchstaben a-z und A-Z, Ziffern, Leerzeichen und . _ : / = + @ - enthalten.</translation>
        </message>
        <message>
            <source>%1 (%2): the value starts with "aws:", which AWS reserves for its own tags.</source>
            <translation>%1 (%2): Der Wert beginnt mit „aws:“, das AWS für eigene Tags reserviert.</translation>
        </message>
        <message>
            <source>%1: the key "%2" appears more than once; each tag key must be unique.</source>
            <translation>%1: Der Schlüssel „%2“ kommt mehrfach vor; jeder Tag-Schlüssel muss eindeutig sein.</translation>
        </message>
        <message>
            <source>No tag keys to remove.</source>
            <translation>Keine Tag-Schlüssel zum Entfernen.</translation>
        </message>
        <message>
            <source>There are %1 tag keys; at most %2 can be removed at once.</source>
            <translation>Es sind %1 Tag-Schlüssel; höchstens %2 können auf einmal entfernt werden.</translation>
        </message>
        <message>
            <source>The deployment would have %1 tags; a resource can have at most %2.</source>
            <translation>Das Deployment hätte %1 Tags; eine Ressource kann höchstens %2 haben.</translation>
        </message>
        <message>
            <source>The client request token "%1" is not allowed: use 1 to %2 letters, digits and '-', starting and ending with a letter or digit.</source>
            <translation>Das Client-Request-Token „%1“ ist nicht erlaubt: Verwenden Sie 1 bis %2 Buchstaben, Ziffern und '-', am Anfang und Ende einen Buchstaben oder eine Ziffer.</translation>
        </message>
        <message>
            <source>The custom model is required.</source>
            <translation>Das Custom Model ist erforderlich.</translation>
        </message>
        <message>
            <source>The custom model "%1" is not a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</source>
            <translation>Das Custom Model „%1“ ist keine Custom-Model-ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</translation>
        </message>
        <message>
            <source>No deployment is given (its ARN or name is required).</source>
            <translation>Kein Deployment angegeben (seine ARN oder sein Name ist erforderlich).</translation>
        </message>
        <message>
            <source>The resource "%1" is not an ARN (arn:aws:bedrock:REGION:ACCOUNT:...).</source>
            <translation>Die Ressource „%1“ ist keine ARN (arn:aws:bedrock:REGION:ACCOUNT:...).</translation>
        </message>
    </context>
    <context>
        <name>DeploymentPager</name>
        <message numerus="yes">
            <source>The service returned a page token it had already returned (after %Ln page(s)); stopped so as not to list the same rows for ever.</source>
            <translation>
                <numerusform>Der Dienst hat ein bereits geliefertes Seiten-Token erneut geliefert (nach %Ln Seite); angehalten, um nicht endlos dieselben Zeilen aufzulisten.</numerusform>
                <numerusform>Der Dienst hat ein bereits geliefertes Seiten-Token erneut geliefert (nach %Ln Seiten); angehalten, um nicht endlos dieselben Zeilen aufzulisten.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeploymentQuery</name>
        <message>
            <source>createdAfter (%1) is later than createdBefore (%2): no deployment can match.</source>
            <translation>createdAfter (%1) liegt nach createdBefore (%2): kein Deployment kann passen.</translation>
        </message>
        <message>
            <source>nameContains is %1 characters long; at most 63 are allowed.</source>
            <translation>nameContains ist %1 Zeichen lang; höchstens 63 sind erlaubt.</translation>
        </message>
        <message>
            <source>nameContains "%1" may only hold letters, digits, '-' and '_'.</source>
            <translation>nameContains „%1“ darf nur Buchstaben, Ziffern, '-' und '_' enthalten.</translation>
        </message>
        <message>
            <source>statusEquals "%1" is not a status; use Creating, Active or Failed.</source>
            <translation>statusEquals „%1“ ist kein Status; verwenden Sie Creating, Active oder Failed.</translation>
        </message>
        <message>
            <source>modelArnEquals "%1" is not a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</source>
            <translation>modelArnEquals „%1“ ist keine Custom-Model-ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</translation>
        </message>
        <message>
            <source>maxResults is %1; it must be between 1 and 1000.</source>
            <translation>maxResults ist %1; erlaubt sind 1 bis 1000.</translation>
        </message>
    </context>
    <context>
        <name>DeploymentSources</name>
        <message>
            <source>Source %1: %2</source>
            <translation>Quelle %1: %2</translation>
        </message>
    </context>
    <context>
        <name>EndpointResolver</name>
        <message>
            <source>%1 must be “true” or “false”, not “%2”.</source>
            <translation>%1 muss „true“ oder „false“ sein, nicht „%2“.</translation>
        </message>
        <message>
            <source>[services %1] %2.endpoint_url in %3</source>
            <translation>[services %1] %2.endpoint_url in %3</translation>
        </message>
        <message>
            <source>The endpoint URL from %1 is not an http:// or https:// URL with a host.</source>
            <translation>Die Endpunkt-URL aus %1 ist keine http://- oder https://-URL mit einem Host.</translation>
        </message>
        <message>
            <source>the FIPS region name</source>
            <translation>dem FIPS-Regionsnamen</translation>
        </message>
        <message>
            <source>Invalid Configuration: FIPS and custom endpoint are not supported (endpoint from %1, FIPS from %2)</source>
            <translation>Ungültige Konfiguration: FIPS und ein eigener Endpunkt werden nicht zusammen unterstützt (Endpunkt aus %1, FIPS aus %2)</translation>
        </message>
        <message>
            <source>Invalid Configuration: Dualstack and custom endpoint are not supported (endpoint from %1, dual-stack from %2)</source>
            <translation>Ungültige Konfiguration: Dual-Stack und ein eigener Endpunkt werden nicht zusammen unterstützt (Endpunkt aus %1, Dual-Stack aus %2)</translation>
        </message>
        <message>
            <source>Invalid Configuration: Missing Region</source>
            <translation>Ungültige Konfiguration: Region fehlt</translation>
        </message>
        <message>
            <source>region %1 (partition %2)</source>
            <translation>Region %1 (Partition %2)</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export to CSV</source>
            <translation>Als CSV exportieren</translation>
        </message>
        <message>
            <source>What to export</source>
            <translation>Was exportiert wird</translation>
        </message>
        <message>
            <source>&amp;All deployments matching the current filters</source>
            <translation>&amp;Alle Deployments, die zu den aktuellen Filtern passen</translation>
        </message>
        <message>
            <source>Only the &amp;rows shown</source>
            <translation>Nur die angezeigten &amp;Zeilen</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;Datei:</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen…</translation>
        </message>
        <message>
            <source>UTF-8 with &amp;BOM (for Excel)</source>
            <translation>UTF-8 mit &amp;BOM (für Excel)</translation>
        </message>
    </context>
    <context>
        <name>ExportOptions</name>
        <message>
            <source>%1 is given %2 times; give it once.</source>
            <translation>%1 ist %2-mal angegeben; geben Sie es einmal an.</translation>
        </message>
        <message>
            <source>%1: '%2' is not an RFC 3339 time or date; use e.g. 2025-07-01, 2025-07-01T12:00:00Z or 2025-07-01T14:00:00+02:00 (without a zone, UTC).</source>
            <translation>%1: '%2' ist keine Zeit und kein Datum nach RFC 3339; verwenden Sie z. B. 2025-07-01, 2025-07-01T12:00:00Z oder 2025-07-01T14:00:00+02:00 (ohne Zone gilt UTC).</translation>
        </message>
        <message>
            <source>name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Send requests to this URL instead of the region's Bedrock endpoint (https://, or http:// on a loopback address).</source>
            <translation>Anfragen an diese URL statt an den Bedrock-Endpunkt der Region senden (https:// oder http:// auf einer Loopback-Adresse).</translation>
        </message>
        <message>
            <source>url</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>The current code of your MFA device, for a profile that assumes a role with mfa_serial (6 digits).</source>
            <translation>Der aktuelle Code Ihres MFA-Geräts, für ein Profil, das eine Rolle mit mfa_serial übernimmt (6 Ziffern).</translation>
        </message>
        <message>
            <source>code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Write every matching deployment to &lt;file&gt; as CSV and exit, without opening a window. - writes to standard output.</source>
            <translation>Jedes passende Deployment als CSV nach &lt;Datei&gt; schreiben und beenden, ohne ein Fenster zu öffnen. - schreibt auf die Standardausgabe.</translation>
        </message>
        <message>
            <source>file</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Export only deployments with this status: Creating, Active or Failed (any case).</source>
            <translation>Nur Deployments mit diesem Status exportieren: Creating, Active oder Failed (Groß-/Kleinschreibung beliebig).</translation>
        </message>
        <message>
            <source>status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Export only deployments whose name contains &lt;text&gt; (letters, digits, - and _).</source>
            <translation>Nur Deployments exportieren, deren Name &lt;Text&gt; enthält (Buchstaben, Ziffern, - und _).</translation>
        </message>
        <message>
            <source>text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Export only deployments of the custom model with this ARN.</source>
            <translation>Nur Deployments des eigenen Modells mit dieser ARN exportieren.</translation>
        </message>
        <message>
            <source>arn</source>
            <translation>ARN</translation>
        </message>
        <message>
            <source>Export only deployments created after &lt;time&gt;: RFC 3339, e.g. 2025-07-01T12:00:00Z; a time without a zone, or a bare date, is UTC.</source>
            <translation>Nur Deployments exportieren, die nach &lt;Zeit&gt; erstellt wurden: RFC 3339, z. B. 2025-07-01T12:00:00Z; eine Zeit ohne Zone oder ein reines Datum gilt als UTC.</translation>
        </message>
        <message>
            <source>time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Export only deployments created before &lt;time&gt; (same forms as --created-after).</source>
            <translation>Nur Deployments exportieren, die vor &lt;Zeit&gt; erstellt wurden (gleiche Formen wie --created-after).</translation>
        </message>
        <message>
            <source>Order by creation time: Ascending or Descending (any case; the service's default is Descending).</source>
            <translation>Nach Erstellungszeit ordnen: Ascending oder Descending (Groß-/Kleinschreibung beliebig; Standard des Dienstes ist Descending).</translation>
        </message>
        <message>
            <source>order</source>
            <translation>Reihenfolge</translation>
        </message>
        <message>
            <source>Deployments fetched per request, 1 to 1000 (default: 1000).</source>
            <translation>Pro Anfrage abgerufene Deployments, 1 bis 1000 (Standard: 1000).</translation>
        </message>
        <message>
            <source>count</source>
            <translation>Anzahl</translation>
        </message>
        <message>
            <source>Start the CSV with a UTF-8 byte order mark (for spreadsheet programs that need one to read UTF-8).</source>
            <translation>Die CSV mit einer UTF-8-Bytereihenfolge-Markierung beginnen (für Tabellenkalkulationen, die sie zum Lesen von UTF-8 brauchen).</translation>
        </message>
        <message>
            <source>Write cells that start with =, +, -, @, tab or CR as they are. By default they get a leading ' so that a spreadsheet does not run them as formulas.</source>
            <translation>Zellen, die mit =, +, -, @, Tabulator oder CR beginnen, unverändert schreiben. Standardmäßig erhalten sie ein führendes ', damit eine Tabellenkalkulation sie nicht als Formeln ausführt.</translation>
        </message>
        <message>
            <source>--mfa-code: give the 6 digits your MFA device shows.</source>
            <translation>--mfa-code: Geben Sie die 6 Ziffern ein, die Ihr MFA-Gerät anzeigt.</translation>
        </message>
        <message>
            <source>--profile: give the name of a profile.</source>
            <translation>--profile: Geben Sie den Namen eines Profils an.</translation>
        </message>
        <message>
            <source>--region: '%1' is not a region name; use e.g. us-east-1 or us-west-2 (lower case).</source>
            <translation>--region: '%1' ist kein Regionsname; verwenden Sie z. B. us-east-1 oder us-west-2 (Kleinbuchstaben).</translation>
        </message>
        <message>
            <source>--endpoint-url: '%1' is not a URL; give one such as https://bedrock.us-east-1.amazonaws.com or http://127.0.0.1:4566.</source>
            <translation>--endpoint-url: '%1' ist keine URL; geben Sie eine an wie https://bedrock.us-east-1.amazonaws.com oder http://127.0.0.1:4566.</translation>
        </message>
        <message>
            <source>--endpoint-url: '%1' cannot be used. %2</source>
            <translation>--endpoint-url: '%1' kann nicht verwendet werden. %2</translation>
        </message>
        <message>
            <source>%1 is only used with --export &lt;file&gt;.</source>
            <translation>%1 wird nur mit --export &lt;Datei&gt; verwendet.</translation>
        </message>
        <message>
            <source>--export: give a file name, or - for standard output.</source>
            <translation>--export: Geben Sie einen Dateinamen an oder - für die Standardausgabe.</translation>
        </message>
        <message>
            <source>%1: '%2' is not a status; use Creating, Active or Failed.</source>
            <translation>%1: '%2' ist kein Status; verwenden Sie Creating, Active oder Failed.</translation>
        </message>
        <message>
            <source>%1: '%2' cannot be part of a deployment name; use 1 to 63 letters, digits, - and _.</source>
            <translation>%1: '%2' kann nicht Teil eines Deployment-Namens sein; verwenden Sie 1 bis 63 Buchstaben, Ziffern, - und _.</translation>
        </message>
        <message>
            <source>%1: '%2' is not a custom model ARN; use arn:aws:bedrock:REGION:ACCOUNT:custom-model/MODEL/ID.</source>
            <translation>%1: '%2' ist keine Custom-Model-ARN; verwenden Sie arn:aws:bedrock:REGION:ACCOUNT:custom-model/MODEL/ID.</translation>
        </message>
        <message>
            <source>--created-after (%1) is later than --created-before (%2): no deployment can match.</source>
            <translation>--created-after (%1) liegt nach --created-before (%2): kein Deployment kann passen.</translation>
        </message>
        <message>
            <source>%1: '%2' is not a sort order; use Ascending or Descending.</source>
            <translation>%1: '%2' ist keine Sortierreihenfolge; verwenden Sie Ascending oder Descending.</translation>
        </message>
        <message>
            <source>%1: '%2' is not a page size; use a whole number from 1 to 1000.</source>
            <translation>%1: '%2' ist keine Seitengröße; verwenden Sie eine ganze Zahl von 1 bis 1000.</translation>
        </message>
        <message>
            <source>Unexpected argument '%1'.</source>
            <translation>Unerwartetes Argument '%1'.</translation>
        </message>
        <message>
            <source>Use the named profile of the AWS config and credentials files. Repeatable: every profile is shown, in every --region given (or in its own region).</source>
            <translation>Das benannte Profil der AWS-Konfigurations- und -Anmeldedatendateien verwenden. Wiederholbar: Jedes Profil wird in jeder angegebenen --region gezeigt (oder in seiner eigenen Region).</translation>
        </message>
        <message>
            <source>AWS region to use, e.g. us-east-1 (default: the profile's region). Repeatable: every region is shown, for every --profile given.</source>
            <translation>Zu verwendende AWS-Region, z. B. us-east-1 (Standard: die Region des Profils). Wiederholbar: Jede Region wird für jedes angegebene --profile gezeigt.</translation>
        </message>
    </context>
    <context>
        <name>HeadlessExport</name>
        <message>
            <source>profile %1 needs an MFA code (mfa_serial %2): pass --mfa-code</source>
            <translation>Profil %1 braucht einen MFA-Code (mfa_serial %2): Geben Sie --mfa-code an</translation>
        </message>
    </context>
    <context>
        <name>LifecycleErrors</name>
        <message>
            <source>The service said: %1</source>
            <translation>Der Dienst meldete: %1</translation>
        </message>
        <message>
            <source>(request id %1)</source>
            <translation>(Anfrage-ID %1)</translation>
        </message>
        <message>
            <source>It is being created or updated; try again when it is Active or Failed.</source>
            <translation>Es wird gerade erstellt oder aktualisiert; versuchen Sie es erneut, wenn es Active oder Failed ist.</translation>
        </message>
        <message>
            <source>The deployment is busy with another change; try again when it has finished.</source>
            <translation>Das Deployment wird gerade anderweitig geändert; versuchen Sie es erneut, wenn das abgeschlossen ist.</translation>
        </message>
        <message>
            <source>It no longer exists (it may have been deleted already).</source>
            <translation>Es existiert nicht mehr (vielleicht wurde es schon gelöscht).</translation>
        </message>
        <message>
            <source>The custom model was not found in this account and region.</source>
            <translation>Das benutzerdefinierte Modell wurde in diesem Konto und dieser Region nicht gefunden.</translation>
        </message>
        <message>
            <source>The deployment no longer exists.</source>
            <translation>Das Deployment existiert nicht mehr.</translation>
        </message>
        <message>
            <source>The account has as many custom model deployments as its quota allows; delete one or request an increase in the Service Quotas console.</source>
            <translation>Das Konto hat so viele Deployments benutzerdefinierter Modelle, wie sein Kontingent erlaubt; löschen Sie eines oder beantragen Sie eine Erhöhung in der Service-Quotas-Konsole.</translation>
        </message>
        <message>
            <source>A deployment can have at most 50 tags; remove some first.</source>
            <translation>Ein Deployment kann höchstens 50 Tags haben; entfernen Sie zuerst einige.</translation>
        </message>
        <message>
            <source>The service rejected the request (a deployment with this name may exist already, or the model is not Active).</source>
            <translation>Der Dienst hat die Anfrage abgelehnt (vielleicht gibt es schon ein Deployment mit diesem Namen, oder das Modell ist nicht Active).</translation>
        </message>
    </context>
    <context>
        <name>LocalTimeFormatter</name>
        <message>
            <source>just now</source>
            <translation>gerade eben</translation>
        </message>
        <message numerus="yes">
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n Monat</numerusform>
                <numerusform>%n Monaten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n year(s)</source>
            <translation>
                <numerusform>%n Jahr</numerusform>
                <numerusform>%n Jahren</numerusform>
            </translation>
        </message>
        <message>
            <source>in %1</source>
            <comment>relative time in the future</comment>
            <translation>in %1</translation>
        </message>
        <message>
            <source>%1 ago</source>
            <comment>relative age</comment>
            <translation>vor %1</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n Minute</numerusform>
                <numerusform>%n Minuten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n Stunde</numerusform>
                <numerusform>%n Stunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n Tag</numerusform>
                <numerusform>%n Tagen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MultiSourcePager</name>
        <message>
            <source>No connection to %1.</source>
            <translation>Keine Verbindung zu %1.</translation>
        </message>
    </context>
    <context>
        <name>NetworkPolicy</name>
        <message>
            <source>The endpoint "%1" is not a valid URL.</source>
            <translation>Der Endpunkt „%1“ ist keine gültige URL.</translation>
        </message>
        <message>
            <source>The endpoint %1 uses plain http://, which would send credentials unencrypted; use https://, or http:// only for a loopback address (127.0.0.1, ::1, localhost).</source>
            <translation>Der Endpunkt %1 verwendet einfaches http://, das Anmeldedaten unverschlüsselt senden würde; verwenden Sie https:// oder http:// nur für eine Loopback-Adresse (127.0.0.1, ::1, localhost).</translation>
        </message>
        <message>
            <source>The endpoint %1 has the scheme "%2"; only https:// (and http:// on loopback) is allowed.</source>
            <translation>Der Endpunkt %1 hat das Schema „%2“; erlaubt ist nur https:// (und http:// auf Loopback).</translation>
        </message>
        <message>
            <source>The server answered with a redirect (HTTP %1) without a Location; Outcrop does not follow redirects.</source>
            <translation>Der Server hat mit einer Weiterleitung (HTTP %1) ohne Location geantwortet; Outcrop folgt keinen Weiterleitungen.</translation>
        </message>
        <message>
            <source>The server redirected to %1 (HTTP %2); Outcrop does not follow redirects, so that credentials never go to another host. Check the endpoint URL.</source>
            <translation>Der Server hat nach %1 weitergeleitet (HTTP %2); Outcrop folgt keinen Weiterleitungen, damit Anmeldedaten nie an einen anderen Host gehen. Prüfen Sie die Endpunkt-URL.</translation>
        </message>
        <message>
            <source>Cannot read the CA bundle %1: %2</source>
            <translation>Das CA-Bundle %1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>The CA bundle %1 holds no PEM certificate.</source>
            <translation>Das CA-Bundle %1 enthält kein PEM-Zertifikat.</translation>
        </message>
    </context>
    <context>
        <name>QueryProtocol</name>
        <message>
            <source>the XML is malformed at line %1, column %2</source>
            <translation>das XML ist in Zeile %1, Spalte %2 fehlerhaft</translation>
        </message>
        <message>
            <source>the reply is empty</source>
            <translation>die Antwort ist leer</translation>
        </message>
    </context>
    <context>
        <name>RegionResolver</name>
        <message>
            <source>No AWS region is set. Pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or add “region = …” to profile %1 in %2.</source>
            <translation>Keine AWS-Region festgelegt. Geben Sie --region an, setzen Sie AWS_REGION oder AWS_DEFAULT_REGION, oder fügen Sie „region = …“ zu Profil %1 in %2 hinzu.</translation>
        </message>
        <message>
            <source>Region not accepted: region="%1" is not a valid hostname component (from %2).</source>
            <extracomment>%2 says where the region was set: --region, AWS_REGION or "profile NAME in FILE".</extracomment>
            <translation>Region nicht akzeptiert: region="%1" ist kein gültiger Bestandteil eines Hostnamens (aus %2).</translation>
        </message>
    </context>
    <context>
        <name>ShellWords</name>
        <message>
            <source>No escaped character</source>
            <translation>Kein Zeichen nach dem Backslash</translation>
        </message>
        <message>
            <source>No closing quotation</source>
            <translation>Kein schließendes Anführungszeichen</translation>
        </message>
    </context>
    <context>
        <name>SsoCredentials</name>
        <message>
            <source> (request id %1)</source>
            <translation> (Request-ID %1)</translation>
        </message>
        <message>
            <source>Profile %1 uses sso_session %2, but %3 has no [sso-session %2] section.</source>
            <translation>Profil %1 verwendet sso_session %2, aber %3 hat keinen Abschnitt [sso-session %2].</translation>
        </message>
        <message>
            <source>[sso-session %1] in %2 has no %3.</source>
            <translation>[sso-session %1] in %2 hat kein %3.</translation>
        </message>
        <message>
            <source>Profile %1 and [sso-session %2] in %3 set different values for %4.</source>
            <translation>Profil %1 und [sso-session %2] in %3 setzen verschiedene Werte für %4.</translation>
        </message>
        <message>
            <source>Profile %1 in %2 uses IAM Identity Center (SSO) but lacks %3. It needs sso_account_id and sso_role_name, and sso_session (or the older sso_start_url and sso_region).</source>
            <translation>Profil %1 in %2 verwendet IAM Identity Center (SSO), aber ihm fehlt %3. Es braucht sso_account_id und sso_role_name sowie sso_session (oder die älteren sso_start_url und sso_region).</translation>
        </message>
        <message>
            <source>IAM Identity Center endpoint of profile %1: %2</source>
            <translation>Endpunkt von IAM Identity Center für Profil %1: %2</translation>
        </message>
        <message>
            <source>%1 Run “%2” to sign in to IAM Identity Center again, then retry.</source>
            <translation>%1 Führen Sie „%2“ aus, um sich erneut bei IAM Identity Center anzumelden, und versuchen Sie es dann noch einmal.</translation>
        </message>
        <message>
            <source>Profile %1 has no usable IAM Identity Center (SSO) sign-in: %2.</source>
            <translation>Profil %1 hat keine verwendbare Anmeldung bei IAM Identity Center (SSO): %2.</translation>
        </message>
        <message>
            <source>The IAM Identity Center (SSO) sign-in of profile %1 expired at %2.</source>
            <translation>Die Anmeldung von Profil %1 bei IAM Identity Center (SSO) ist um %2 abgelaufen.</translation>
        </message>
        <message>
            <source>no accessToken or expiresIn</source>
            <translation>kein accessToken oder expiresIn</translation>
        </message>
        <message>
            <source>Refreshing the IAM Identity Center (SSO) sign-in of profile %1 failed: %2</source>
            <translation>Das Erneuern der Anmeldung von Profil %1 bei IAM Identity Center (SSO) ist fehlgeschlagen: %2</translation>
        </message>
        <message>
            <source>The IAM Identity Center (SSO) sign-in of profile %1 expired at %2 and could not be refreshed (%3).</source>
            <translation>Die Anmeldung von Profil %1 bei IAM Identity Center (SSO) ist um %2 abgelaufen und konnte nicht erneuert werden (%3).</translation>
        </message>
        <message>
            <source>roleCredentials has no %1</source>
            <translation>roleCredentials hat kein %1</translation>
        </message>
        <message>
            <source>roleCredentials has no expiration</source>
            <translation>roleCredentials hat kein expiration</translation>
        </message>
        <message>
            <source>role %1 in account %2</source>
            <translation>Rolle %1 im Konto %2</translation>
        </message>
        <message>
            <source>IAM Identity Center rejected the sign-in of profile %1 (%2).</source>
            <translation>IAM Identity Center hat die Anmeldung von Profil %1 abgelehnt (%2).</translation>
        </message>
        <message>
            <source>IAM Identity Center gave no credentials for %1 (profile %2): %3</source>
            <translation>IAM Identity Center hat keine Anmeldedaten für %1 geliefert (Profil %2): %3</translation>
        </message>
        <message>
            <source>IAM Identity Center, %1 (profile %2)</source>
            <translation>IAM Identity Center, %1 (Profil %2)</translation>
        </message>
    </context>
    <context>
        <name>SsoTokenCache</name>
        <message>
            <source>%1: no such file</source>
            <translation>%1: Datei nicht vorhanden</translation>
        </message>
        <message>
            <source>%1: cannot be read (%2)</source>
            <translation>%1: kann nicht gelesen werden (%2)</translation>
        </message>
        <message>
            <source>%1: not valid JSON (%2 at offset %3)</source>
            <translation>%1: kein gültiges JSON (%2 bei Position %3)</translation>
        </message>
        <message>
            <source>%1: not a JSON object</source>
            <translation>%1: kein JSON-Objekt</translation>
        </message>
        <message>
            <source>%1: the field “%2” is missing</source>
            <translation>%1: das Feld „%2“ fehlt</translation>
        </message>
        <message>
            <source>%1: the field “%2” is not a non-empty string</source>
            <translation>%1: das Feld „%2“ ist keine nicht leere Zeichenkette</translation>
        </message>
        <message>
            <source>%1: the field “%2” is not an ISO 8601 UTC time (“%3”)</source>
            <translation>%1: das Feld „%2“ ist keine UTC-Zeitangabe nach ISO 8601 („%3“)</translation>
        </message>
        <message>
            <source>%1: cannot create the folder</source>
            <translation>%1: der Ordner kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>%1: cannot be written (%2)</source>
            <translation>%1: kann nicht geschrieben werden (%2)</translation>
        </message>
    </context>
    <context>
        <name>StatusPresentation</name>
        <message>
            <source>Creating</source>
            <comment>deployment status</comment>
            <translation>Creating</translation>
        </message>
        <message>
            <source>Active</source>
            <comment>deployment status</comment>
            <translation>Active</translation>
        </message>
        <message>
            <source>Failed</source>
            <comment>deployment status</comment>
            <translation>Failed</translation>
        </message>
    </context>
    <context>
        <name>StsClient</name>
        <message>
            <source>expected &lt;%1&gt;, got &lt;%2&gt;</source>
            <translation>erwartet &lt;%1&gt;, erhalten &lt;%2&gt;</translation>
        </message>
        <message>
            <source>%1 has no %2</source>
            <translation>%1 hat kein %2</translation>
        </message>
        <message>
            <source>the Expiration "%1" is not an ISO 8601 time</source>
            <translation>die Expiration "%1" ist keine Zeitangabe nach ISO 8601</translation>
        </message>
    </context>
    <context>
        <name>TransitionNotice</name>
        <message>
            <source>account %1</source>
            <translation>Konto %1</translation>
        </message>
        <message>
            <source>%1 · account %2</source>
            <translation>%1 · Konto %2</translation>
        </message>
        <message>
            <source>Deployment %1 failed</source>
            <translation>Deployment %1 ist fehlgeschlagen</translation>
        </message>
        <message>
            <source>The service gave no failure reason.</source>
            <translation>Der Dienst hat keinen Fehlergrund genannt.</translation>
        </message>
        <message>
            <source>Deployment %1 is Active</source>
            <translation>Deployment %1 ist Active</translation>
        </message>
        <message>
            <source>Failed</source>
            <comment>deployment status</comment>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Active</source>
            <comment>deployment status</comment>
            <translation>Active</translation>
        </message>
        <message numerus="yes">
            <source>and %Ln more</source>
            <translation>
                <numerusform>und %Ln weiteres</numerusform>
                <numerusform>und %Ln weitere</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln Active</source>
            <translation>
                <numerusform>%Ln Active</numerusform>
                <numerusform>%Ln Active</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln Failed</source>
            <translation>
                <numerusform>%Ln Failed</numerusform>
                <numerusform>%Ln Failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln deployments changed</source>
            <translation>
                <numerusform>%Ln Deployment geändert</numerusform>
                <numerusform>%Ln Deployments geändert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %Ln regions</source>
            <translation>
                <numerusform>in %Ln Region</numerusform>
                <numerusform>in %Ln Regionen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln accounts</source>
            <translation>
                <numerusform>%Ln Konto</numerusform>
                <numerusform>%Ln Konten</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>outcrop::app::DashboardConnection</name>
        <message>
            <source>Choose a region</source>
            <translation>Region wählen</translation>
        </message>
        <message>
            <source>No AWS region is configured for this profile.
Which region should Outcrop show?</source>
            <translation>Für dieses Profil ist keine AWS-Region eingestellt.
Welche Region soll Outcrop anzeigen?</translation>
        </message>
        <message>
            <source>No region chosen: start Outcrop with --region, or set AWS_REGION.</source>
            <translation>Keine Region gewählt: Outcrop mit --region starten oder AWS_REGION setzen.</translation>
        </message>
        <message>
            <source>The window is gone.</source>
            <translation>Das Fenster ist nicht mehr da.</translation>
        </message>
        <message>
            <source>MFA code</source>
            <translation>MFA-Code</translation>
        </message>
        <message>
            <source>Profile %1 assumes the role %2, which needs a code from the MFA device %3.
Enter the current code:</source>
            <translation>Das Profil %1 übernimmt die Rolle %2, die einen Code des MFA-Geräts %3 verlangt.
Geben Sie den aktuellen Code ein:</translation>
        </message>
        <message>
            <source>No MFA code was entered.</source>
            <translation>Es wurde kein MFA-Code eingegeben.</translation>
        </message>
    </context>
    <context>
        <name>outcrop::app::DemoMode</name>
        <message>
            <source>the demo simulator</source>
            <translation>der Demo-Simulator</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ChangeModelDialog</name>
        <message>
            <source>Change Model</source>
            <translation>Modell wechseln</translation>
        </message>
        <message>
            <source>The deployment keeps its name and ARN and serves the new model once the update completes; until then it serves the current one.</source>
            <translation>Das Deployment behält Namen und ARN und stellt das neue Modell bereit, sobald die Aktualisierung abgeschlossen ist; bis dahin das bisherige.</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>Deployment</translation>
        </message>
        <message>
            <source>Deployment:</source>
            <translation>Deployment:</translation>
        </message>
        <message>
            <source>Current model</source>
            <translation>Aktuelles Modell</translation>
        </message>
        <message>
            <source>Current model:</source>
            <translation>Aktuelles Modell:</translation>
        </message>
        <message>
            <source>Choose a model or paste a custom model ARN</source>
            <translation>Modell wählen oder den ARN eines benutzerdefinierten Modells einfügen</translation>
        </message>
        <message>
            <source>New model</source>
            <translation>Neues Modell</translation>
        </message>
        <message>
            <source>&amp;New model:</source>
            <translation>&amp;Neues Modell:</translation>
        </message>
        <message>
            <source>One of the account's custom models, or its ARN</source>
            <translation>Eines der benutzerdefinierten Modelle des Kontos oder sein ARN</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>C&amp;hange Model</source>
            <translation>Modell &amp;wechseln</translation>
        </message>
        <message>
            <source>Not one of the account's custom models, and not a custom model ARN: %1</source>
            <translation>Keines der benutzerdefinierten Modelle des Kontos und kein ARN eines benutzerdefinierten Modells: %1</translation>
        </message>
        <message>
            <source>The deployment serves this model already.</source>
            <translation>Das Deployment stellt dieses Modell bereits bereit.</translation>
        </message>
        <message>
            <source>Choose the new custom model.</source>
            <translation>Wählen Sie das neue benutzerdefinierte Modell.</translation>
        </message>
        <message>
            <source>Changing the model…</source>
            <translation>Modell wird gewechselt …</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ConnectionBar</name>
        <message>
            <source>&amp;Profile:</source>
            <translation>&amp;Profil:</translation>
        </message>
        <message>
            <source>The AWS profile whose credentials Outcrop uses</source>
            <translation>Das AWS-Profil, dessen Anmeldedaten Outcrop verwendet</translation>
        </message>
        <message>
            <source>&amp;Region:</source>
            <translation>&amp;Region:</translation>
        </message>
        <message>
            <source>The AWS region to list deployments from</source>
            <translation>Die AWS-Region, deren Deployments aufgelistet werden</translation>
        </message>
        <message>
            <source>%1 (keychain)</source>
            <translation>%1 (Schlüsselbund)</translation>
        </message>
        <message>
            <source>Account %1</source>
            <translation>Konto %1</translation>
        </message>
        <message>
            <source>&amp;Sources:</source>
            <translation>&amp;Quellen:</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Quellen</translation>
        </message>
        <message numerus="yes">
            <source>%n source(s)</source>
            <translation>
                <numerusform>%n Quelle</numerusform>
                <numerusform>%n Quellen</numerusform>
            </translation>
        </message>
        <message>
            <source>Shown together:</source>
            <extracomment>Tooltip of the tool bar's sources button; the sources follow, one a line</extracomment>
            <translation>Gemeinsam angezeigt:</translation>
        </message>
        <message>
            <source>&amp;Choose Sources…</source>
            <translation>Quellen &amp;wählen…</translation>
        </message>
        <message>
            <source>Show Only</source>
            <translation>Nur anzeigen</translation>
        </message>
        <message>
            <source>Show %1 alone, with the profile and region switchers</source>
            <extracomment>%1 is a source such as "prod · us-west-2"</extracomment>
            <translation>%1 allein anzeigen, mit der Profil- und Regionsauswahl</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::CreateDeploymentDialog</name>
        <message>
            <source>&amp;Create</source>
            <comment>deployment</comment>
            <translation>&amp;Erstellen</translation>
        </message>
        <message>
            <source>Choose a model or paste a custom model ARN</source>
            <translation>Modell wählen oder den ARN eines benutzerdefinierten Modells einfügen</translation>
        </message>
        <message>
            <source>Custom model</source>
            <translation>Benutzerdefiniertes Modell</translation>
        </message>
        <message>
            <source>Add a tag</source>
            <translation>Ein Tag hinzufügen</translation>
        </message>
        <message>
            <source>Remove the selected tags</source>
            <translation>Die ausgewählten Tags entfernen</translation>
        </message>
        <message>
            <source>1 to 63 letters and digits; '-' or '_' may follow a letter or digit</source>
            <translation>1 bis 63 Buchstaben und Ziffern; '-' oder '_' dürfen auf einen Buchstaben oder eine Ziffer folgen</translation>
        </message>
        <message>
            <source>One of the account's custom models (it must be Active), or its ARN</source>
            <translation>Eines der benutzerdefinierten Modelle des Kontos (es muss Active sein) oder sein ARN</translation>
        </message>
        <message>
            <source>Optional, up to 2048 characters</source>
            <translation>Optional, bis zu 2048 Zeichen</translation>
        </message>
        <message>
            <source>Tag %1 has a value but no key.</source>
            <translation>Tag %1 hat einen Wert, aber keinen Schlüssel.</translation>
        </message>
        <message>
            <source>A deployment can have at most %1 tags.</source>
            <translation>Ein Deployment kann höchstens %1 Tags haben.</translation>
        </message>
        <message>
            <source>A deployment with this name exists.</source>
            <translation>Es gibt bereits ein Deployment mit diesem Namen.</translation>
        </message>
        <message>
            <source>Not one of the account's custom models, and not a custom model ARN: %1</source>
            <translation>Keines der benutzerdefinierten Modelle des Kontos und kein ARN eines benutzerdefinierten Modells: %1</translation>
        </message>
        <message>
            <source>Enter a name for the deployment.</source>
            <translation>Geben Sie einen Namen für das Deployment ein.</translation>
        </message>
        <message>
            <source>Choose the custom model to deploy.</source>
            <translation>Wählen Sie das benutzerdefinierte Modell, das bereitgestellt werden soll.</translation>
        </message>
        <message>
            <source>Creating…</source>
            <translation>Wird erstellt …</translation>
        </message>
        <message>
            <source>&amp;Try Again</source>
            <translation>E&amp;rneut versuchen</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::CredentialsDialog</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>Remove the profile's credentials</source>
            <translation>Die Anmeldedaten des Profils entfernen</translation>
        </message>
        <message>
            <source>A name for these credentials, chosen in the profile switcher</source>
            <translation>Ein Name für diese Anmeldedaten, wählbar in der Profilauswahl</translation>
        </message>
        <message>
            <source>The access key ID, like AKIAIOSFODNN7EXAMPLE</source>
            <translation>Die Zugriffsschlüssel-ID, etwa AKIAIOSFODNN7EXAMPLE</translation>
        </message>
        <message>
            <source>The secret access key of the key pair</source>
            <translation>Der geheime Zugriffsschlüssel des Schlüsselpaars</translation>
        </message>
        <message>
            <source>Only for temporary credentials (access key IDs starting with ASIA)</source>
            <translation>Nur für temporäre Anmeldedaten (Zugriffsschlüssel-IDs, die mit ASIA beginnen)</translation>
        </message>
        <message>
            <source>A Bedrock API key (sent as a bearer token)</source>
            <translation>Ein Bedrock-API-Schlüssel (als Bearer-Token gesendet)</translation>
        </message>
        <message>
            <source>Checking the system keyring…</source>
            <translation>Schlüsselbund des Systems wird geprüft…</translation>
        </message>
        <message>
            <source>Type a name for a new profile, or choose one.</source>
            <translation>Einen Namen für ein neues Profil eingeben oder eines wählen.</translation>
        </message>
        <message>
            <source>“%1” is a new profile.</source>
            <translation>„%1“ ist ein neues Profil.</translation>
        </message>
        <message>
            <source>a Bedrock API key</source>
            <translation>einen Bedrock-API-Schlüssel</translation>
        </message>
        <message>
            <source>an access key pair</source>
            <translation>ein Zugriffsschlüsselpaar</translation>
        </message>
        <message>
            <source>“%1” has %2 for this session only; what you enter replaces it.</source>
            <translation>„%1“ hat %2 nur für diese Sitzung; Ihre Eingabe ersetzt es.</translation>
        </message>
        <message>
            <source>“%1” has %2 in the system keyring; what you enter replaces it.</source>
            <translation>„%1“ hat %2 im Schlüsselbund des Systems; Ihre Eingabe ersetzt es.</translation>
        </message>
        <message>
            <source>Saved in the system keyring.</source>
            <translation>Im Schlüsselbund des Systems gespeichert.</translation>
        </message>
        <message>
            <source>The system keyring is locked</source>
            <translation>Der Schlüsselbund des Systems ist gesperrt</translation>
        </message>
        <message>
            <source>Access to the system keyring was denied</source>
            <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert</translation>
        </message>
        <message>
            <source>No keyring is available</source>
            <translation>Kein Schlüsselbund verfügbar</translation>
        </message>
        <message>
            <source>%1: these credentials will be used for this session only and not saved.</source>
            <translation>%1: Diese Anmeldedaten gelten nur für diese Sitzung und werden nicht gespeichert.</translation>
        </message>
        <message>
            <source>&amp;Use for This Session</source>
            <translation>Für diese Sitzung &amp;verwenden</translation>
        </message>
        <message>
            <source>Enter the %1.</source>
            <translation>Geben Sie den %1 ein.</translation>
        </message>
        <message>
            <source>The %1 contains a space or line break: copy it again without them.</source>
            <translation>Der %1 enthält ein Leerzeichen oder einen Zeilenumbruch: kopieren Sie ihn ohne diese erneut.</translation>
        </message>
        <message>
            <source>Enter the access key ID.</source>
            <translation>Geben Sie die Zugriffsschlüssel-ID ein.</translation>
        </message>
        <message>
            <source>The access key ID must be 16 to 128 capital letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
            <translation>Die Zugriffsschlüssel-ID muss aus 16 bis 128 Großbuchstaben und Ziffern bestehen, etwa AKIAIOSFODNN7EXAMPLE.</translation>
        </message>
        <message>
            <source>secret access key</source>
            <translation>geheimen Zugriffsschlüssel</translation>
        </message>
        <message>
            <source>session token</source>
            <translation>Sitzungstoken</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API-Schlüssel</translation>
        </message>
        <message>
            <source>“%1” will be used until Outcrop quits; nothing was saved.</source>
            <translation>„%1“ wird verwendet, bis Outcrop beendet wird; nichts wurde gespeichert.</translation>
        </message>
        <message>
            <source>Saving “%1” in the system keyring…</source>
            <translation>„%1“ wird im Schlüsselbund des Systems gespeichert…</translation>
        </message>
        <message>
            <source>Saved “%1” in the system keyring.</source>
            <translation>„%1“ im Schlüsselbund des Systems gespeichert.</translation>
        </message>
        <message>
            <source>Nothing was saved. Choose “Use for This Session” to use these credentials until Outcrop quits.</source>
            <translation>Nichts wurde gespeichert. Wählen Sie „Für diese Sitzung verwenden“, um diese Anmeldedaten bis zum Beenden von Outcrop zu verwenden.</translation>
        </message>
        <message>
            <source>Removed “%1”.</source>
            <translation>„%1“ entfernt.</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::DeleteDeploymentsDialog</name>
        <message>
            <source>Delete Deployment</source>
            <translation>Deployment löschen</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n Deployment(s)</source>
            <translation>
                <numerusform>%n Deployment löschen</numerusform>
                <numerusform>%n Deployments löschen</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete the deployment “%1”? This cannot be undone: applications that invoke its ARN will fail.</source>
            <translation>Das Deployment „%1“ löschen? Das kann nicht rückgängig gemacht werden: Anwendungen, die seinen ARN aufrufen, schlagen fehl.</translation>
        </message>
        <message numerus="yes">
            <source>Delete these %n deployment(s)? This cannot be undone: applications that invoke their ARNs will fail.</source>
            <translation>
                <numerusform>Dieses %n Deployment löschen? Das kann nicht rückgängig gemacht werden: Anwendungen, die seinen ARN aufrufen, schlagen fehl.</numerusform>
                <numerusform>Diese %n Deployments löschen? Das kann nicht rückgängig gemacht werden: Anwendungen, die ihre ARNs aufrufen, schlagen fehl.</numerusform>
            </translation>
        </message>
        <message>
            <source>Deployments to delete</source>
            <translation>Zu löschende Deployments</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… und %n weiteres</numerusform>
                <numerusform>… und %n weitere</numerusform>
            </translation>
        </message>
        <message>
            <source>To confirm, type the deployment's name (%1):</source>
            <translation>Geben Sie zur Bestätigung den Namen des Deployments ein (%1):</translation>
        </message>
        <message>
            <source>To confirm, type the number of deployments (%1):</source>
            <translation>Geben Sie zur Bestätigung die Anzahl der Deployments ein (%1):</translation>
        </message>
        <message>
            <source>Name of the deployment to delete</source>
            <translation>Name des zu löschenden Deployments</translation>
        </message>
        <message>
            <source>Number of deployments to delete</source>
            <translation>Anzahl der zu löschenden Deployments</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>What was deleted and what failed</source>
            <translation>Was gelöscht wurde und was fehlschlug</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Delete %n</source>
            <translation>
                <numerusform>%n &amp;löschen</numerusform>
                <numerusform>%n &amp;löschen</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Stopping after the deletion in flight…</source>
            <translation>Wird nach dem laufenden Löschvorgang angehalten …</translation>
        </message>
        <message>
            <source>Deleting… %1 of %2 done</source>
            <translation>Wird gelöscht … %1 von %2 erledigt</translation>
        </message>
        <message>
            <source>• %1: %2</source>
            <translation>• %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>Deleting (%n):</source>
            <comment>deployments whose deletion the service accepted</comment>
            <translation>
                <numerusform>Wird gelöscht (%n):</numerusform>
                <numerusform>Werden gelöscht (%n):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not deleted (%n):</source>
            <translation>
                <numerusform>Nicht gelöscht (%n):</numerusform>
                <numerusform>Nicht gelöscht (%n):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not attempted: %n</source>
            <translation>
                <numerusform>Nicht versucht: %n</numerusform>
                <numerusform>Nicht versucht: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The service is deleting %n deployment(s); they leave the list when it is done.</source>
            <translation>
                <numerusform>Der Dienst löscht %n Deployment; es verschwindet aus der Liste, sobald er fertig ist.</numerusform>
                <numerusform>Der Dienst löscht %n Deployments; sie verschwinden aus der Liste, sobald er fertig ist.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 could not be deleted.</source>
            <translation>%1 von %2 konnten nicht gelöscht werden.</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::DeploymentActions</name>
        <message>
            <source>Copy &amp;Name</source>
            <translation>&amp;Namen kopieren</translation>
        </message>
        <message>
            <source>Copy the deployment's name</source>
            <translation>Den Namen des Deployments kopieren</translation>
        </message>
        <message>
            <source>Copy &amp;ARN</source>
            <translation>&amp;ARN kopieren</translation>
        </message>
        <message>
            <source>Copy the deployment's ARN (the model id for inference)</source>
            <translation>Die ARN des Deployments kopieren (die Modell-ID für Inferenz)</translation>
        </message>
        <message>
            <source>Copy &amp;Model ARN</source>
            <translation>&amp;Modell-ARN kopieren</translation>
        </message>
        <message>
            <source>Copy the ARN of the custom model it serves</source>
            <translation>Die ARN des eigenen Modells kopieren, das es bereitstellt</translation>
        </message>
        <message>
            <source>Copy AWS &amp;CLI Command</source>
            <translation>AWS-&amp;CLI-Befehl kopieren</translation>
        </message>
        <message>
            <source>Copy the 'aws bedrock get-custom-model-deployment' command for it</source>
            <translation>Den Befehl 'aws bedrock get-custom-model-deployment' dafür kopieren</translation>
        </message>
        <message>
            <source>Copy &amp;List Command</source>
            <translation>&amp;Listenbefehl kopieren</translation>
        </message>
        <message>
            <source>Copy the 'aws bedrock list-custom-model-deployments' command with the current filters</source>
            <translation>Den Befehl 'aws bedrock list-custom-model-deployments' mit den aktuellen Filtern kopieren</translation>
        </message>
        <message>
            <source>Copy &amp;Invoke Snippet</source>
            <translation>&amp;Aufruf-Snippet kopieren</translation>
        </message>
        <message>
            <source>Copy an 'aws bedrock-runtime converse' command that calls it</source>
            <translation>Einen Befehl 'aws bedrock-runtime converse' kopieren, der es aufruft</translation>
        </message>
        <message>
            <source>&amp;Open in AWS Console</source>
            <translation>In der AWS-Konsole ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Open the Bedrock console for its region</source>
            <translation>Die Bedrock-Konsole für seine Region öffnen</translation>
        </message>
        <message>
            <source>Copied the name</source>
            <translation>Name kopiert</translation>
        </message>
        <message>
            <source>Copied the ARN</source>
            <translation>ARN kopiert</translation>
        </message>
        <message>
            <source>Copied the model ARN</source>
            <translation>Modell-ARN kopiert</translation>
        </message>
        <message>
            <source>Copied the AWS CLI command</source>
            <translation>AWS-CLI-Befehl kopiert</translation>
        </message>
        <message>
            <source>Copied the list command</source>
            <translation>Listenbefehl kopiert</translation>
        </message>
        <message>
            <source>Copied the invoke snippet</source>
            <translation>Aufruf-Snippet kopiert</translation>
        </message>
        <message>
            <source>Nothing to copy</source>
            <translation>Nichts zu kopieren</translation>
        </message>
        <message>
            <source>There is no AWS console known for the region %1</source>
            <translation>Für die Region %1 ist keine AWS-Konsole bekannt</translation>
        </message>
        <message>
            <source>Could not open a web browser for %1</source>
            <translation>Für %1 konnte kein Webbrowser geöffnet werden</translation>
        </message>
        <message>
            <source>Opened the Bedrock console for %1</source>
            <translation>Bedrock-Konsole für %1 geöffnet</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::DeploymentDetailPane</name>
        <message>
            <source>Loading details…</source>
            <translation>Details werden geladen…</translation>
        </message>
        <message>
            <source>Deployment details</source>
            <translation>Deployment-Details</translation>
        </message>
        <message>
            <source>Select a deployment to see its details</source>
            <translation>Ein Deployment auswählen, um seine Details zu sehen</translation>
        </message>
        <message>
            <source>Deployment name</source>
            <translation>Deployment-Name</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>Wird geladen</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>Fetch the deployment's details again</source>
            <translation>Die Details des Deployments erneut abrufen</translation>
        </message>
        <message>
            <source>Refresh details</source>
            <translation>Details aktualisieren</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Error message</source>
            <translation>Fehlermeldung</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>ARN:</source>
            <translation>ARN:</translation>
        </message>
        <message>
            <source>Deployment ARN</source>
            <translation>Deployment-ARN</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>Beschreibung:</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Model:</source>
            <translation>Modell:</translation>
        </message>
        <message>
            <source>Model name</source>
            <translation>Modellname</translation>
        </message>
        <message>
            <source>Model ARN:</source>
            <translation>Modell-ARN:</translation>
        </message>
        <message>
            <source>Model ARN</source>
            <translation>Modell-ARN</translation>
        </message>
        <message>
            <source>Update:</source>
            <translation>Aktualisierung:</translation>
        </message>
        <message>
            <source>Update status</source>
            <translation>Aktualisierungsstatus</translation>
        </message>
        <message>
            <source>Update target:</source>
            <translation>Aktualisierungsziel:</translation>
        </message>
        <message>
            <source>Update target model ARN</source>
            <translation>Modell-ARN des Aktualisierungsziels</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>Erstellt:</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Last updated:</source>
            <translation>Zuletzt geändert:</translation>
        </message>
        <message>
            <source>Last updated</source>
            <translation>Zuletzt geändert</translation>
        </message>
        <message>
            <source>Account:</source>
            <translation>Konto:</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Konto</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Region:</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Failure message:</source>
            <translation>Fehlermeldung:</translation>
        </message>
        <message>
            <source>Failure message</source>
            <translation>Fehlermeldung</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Copy the request id, to quote it to AWS Support</source>
            <translation>Die Request-ID kopieren, um sie dem AWS Support zu nennen</translation>
        </message>
        <message>
            <source>Copy request id</source>
            <translation>Request-ID kopieren</translation>
        </message>
        <message>
            <source>Request id:</source>
            <translation>Request-ID:</translation>
        </message>
        <message>
            <source>Request id of the last call</source>
            <translation>Request-ID des letzten Aufrufs</translation>
        </message>
        <message>
            <source>The x-amzn-RequestId of the last call, for AWS Support</source>
            <translation>Die x-amzn-RequestId des letzten Aufrufs, für den AWS Support</translation>
        </message>
        <message>
            <source>No description</source>
            <translation>Keine Beschreibung</translation>
        </message>
        <message>
            <source>(request id %1)</source>
            <translation>(Request-ID %1)</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::DeploymentTableModel</name>
        <message>
            <source>“%1” is a status this version of Outcrop does not know; it is shown as the service sent it.</source>
            <translation>„%1“ ist ein Status, den diese Version von Outcrop nicht kennt; er wird so angezeigt, wie der Dienst ihn gesendet hat.</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>relative age (full local time)</comment>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Name</source>
            <comment>column</comment>
            <translation>Name</translation>
        </message>
        <message>
            <source>Status</source>
            <comment>column</comment>
            <translation>Status</translation>
        </message>
        <message>
            <source>Model</source>
            <comment>column</comment>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Created</source>
            <comment>column</comment>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Last updated</source>
            <comment>column</comment>
            <translation>Zuletzt geändert</translation>
        </message>
        <message>
            <source>Failure message</source>
            <comment>column</comment>
            <translation>Fehlermeldung</translation>
        </message>
        <message>
            <source>Deployment ARN</source>
            <comment>column</comment>
            <translation>Deployment-ARN</translation>
        </message>
        <message>
            <source>Sorting by this column is done by the service, across all pages.</source>
            <translation>Nach dieser Spalte sortiert der Dienst, über alle Seiten.</translation>
        </message>
        <message>
            <source>Sorting by this column sorts the rows loaded so far.</source>
            <translation>Nach dieser Spalte werden die bisher geladenen Zeilen sortiert.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <comment>source: message</comment>
            <extracomment>A source (profile · region), then what its service said</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Listed from %1</source>
            <translation>Gelistet aus %1</translation>
        </message>
        <message>
            <source>Account</source>
            <comment>column</comment>
            <translation>Konto</translation>
        </message>
        <message>
            <source>Region</source>
            <comment>column</comment>
            <translation>Region</translation>
        </message>
        <message>
            <source>%1 · updating model</source>
            <comment>deployment status while UpdateCustomModelDeployment runs</comment>
            <translation>%1 · Modell wird gewechselt</translation>
        </message>
        <message>
            <source>%1 · update failed</source>
            <comment>deployment status after UpdateCustomModelDeployment failed</comment>
            <translation>%1 · Aktualisierung fehlgeschlagen</translation>
        </message>
        <message>
            <source>Swapping the model to %1</source>
            <translation>Das Modell wird gegen %1 getauscht</translation>
        </message>
        <message>
            <source>Swapping the model to %1 failed; the deployment still serves %2</source>
            <translation>Der Tausch des Modells gegen %1 ist fehlgeschlagen; das Deployment stellt weiterhin %2 bereit</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ErrorBanner</name>
        <message>
            <source>Copy IAM action</source>
            <translation>IAM-Aktion kopieren</translation>
        </message>
        <message>
            <source>Copy request id</source>
            <translation>Request-ID kopieren</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <source>Copy the IAM action your credentials lack, for your AWS administrator</source>
            <translation>Die IAM-Aktion kopieren, die Ihren Anmeldedaten fehlt, für Ihre AWS-Administration</translation>
        </message>
        <message>
            <source>Copy the AWS request id, for a support case</source>
            <translation>Die AWS-Request-ID für einen Supportfall kopieren</translation>
        </message>
        <message>
            <source>Close this message</source>
            <translation>Diese Meldung schließen</translation>
        </message>
        <message>
            <source>Close message</source>
            <translation>Meldung schließen</translation>
        </message>
        <message>
            <source>Access denied</source>
            <translation>Zugriff verweigert</translation>
        </message>
        <message>
            <source>Missing IAM permission %1</source>
            <translation>Fehlende IAM-Berechtigung %1</translation>
        </message>
        <message>
            <source>Your AWS credentials have expired</source>
            <translation>Ihre AWS-Anmeldedaten sind abgelaufen</translation>
        </message>
        <message>
            <source>Sign in to IAM Identity Center again</source>
            <translation>Erneut bei IAM Identity Center anmelden</translation>
        </message>
        <message>
            <source>No usable AWS credentials</source>
            <translation>Keine verwendbaren AWS-Anmeldedaten</translation>
        </message>
        <message>
            <source>Check the profile, or sign in with 'aws sso login', then press Retry.</source>
            <translation>Prüfen Sie das Profil oder melden Sie sich mit 'aws sso login' an und klicken Sie dann auf „Erneut versuchen“.</translation>
        </message>
        <message>
            <source>AWS is throttling requests; retrying</source>
            <translation>AWS drosselt Anfragen; neuer Versuch läuft</translation>
        </message>
        <message>
            <source>Outcrop waits and retries by itself. The rows shown stay as they are.</source>
            <translation>Outcrop wartet und versucht es selbst erneut. Die angezeigten Zeilen bleiben unverändert.</translation>
        </message>
        <message>
            <source>Offline, or AWS is unreachable</source>
            <translation>Offline oder AWS nicht erreichbar</translation>
        </message>
        <message>
            <source>Check the network connection, VPN or proxy, then press Retry. The rows shown are from the last successful refresh.</source>
            <translation>Prüfen Sie Netzwerkverbindung, VPN oder Proxy und klicken Sie dann auf „Erneut versuchen“. Die angezeigten Zeilen stammen von der letzten erfolgreichen Aktualisierung.</translation>
        </message>
        <message>
            <source>AWS had a temporary problem</source>
            <translation>AWS hatte ein vorübergehendes Problem</translation>
        </message>
        <message>
            <source>AWS did not accept the credentials</source>
            <translation>AWS hat die Anmeldedaten nicht akzeptiert</translation>
        </message>
        <message>
            <source>The request failed</source>
            <translation>Die Anfrage ist fehlgeschlagen</translation>
        </message>
        <message>
            <source>%1 failed</source>
            <translation>%1 fehlgeschlagen</translation>
        </message>
        <message>
            <source>Copy command</source>
            <translation>Befehl kopieren</translation>
        </message>
        <message>
            <source>×%1</source>
            <extracomment>How often the same error happened in a row, after the message's headline</extracomment>
            <translation>×%1</translation>
        </message>
        <message>
            <source>Request id: %1</source>
            <translation>Request-ID: %1</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Information</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Kopiert</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <comment>source: headline</comment>
            <extracomment>A source (profile · region), then the headline of what went wrong there</extracomment>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ExportDialog</name>
        <message>
            <source>File to write</source>
            <translation>Zu schreibende Datei</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exportieren</translation>
        </message>
        <message>
            <source>Export to CSV</source>
            <translation>Als CSV exportieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
        </message>
        <message numerus="yes">
            <source>Only the &amp;rows shown (%Ln row(s))</source>
            <translation>
                <numerusform>Nur die angezeigten &amp;Zeilen (%Ln Zeile)</numerusform>
                <numerusform>Nur die angezeigten &amp;Zeilen (%Ln Zeilen)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln deployment(s) written</source>
            <translation>
                <numerusform>%Ln Deployment geschrieben</numerusform>
                <numerusform>%Ln Deployments geschrieben</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln Seite</numerusform>
                <numerusform>%Ln Seiten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Wrote %Ln deployment(s) to %1.</source>
            <translation>
                <numerusform>%Ln Deployment nach %1 geschrieben.</numerusform>
                <numerusform>%Ln Deployments nach %1 geschrieben.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::FilterBar</name>
        <message>
            <source>Any name</source>
            <translation>Beliebiger Name</translation>
        </message>
        <message>
            <source>Part of the deployment name: 1 to 63 letters, digits, '-' or '_'.</source>
            <translation>Teil des Deployment-Namens: 1 bis 63 Buchstaben, Ziffern, '-' oder '_'.</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Beliebiger Status</translation>
        </message>
        <message>
            <source>Creating</source>
            <translation>Creating</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Any model</source>
            <translation>Beliebiges Modell</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>One of the account's custom models, or a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</source>
            <translation>Eines der eigenen Modelle des Kontos oder eine Custom-Model-ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</translation>
        </message>
        <message>
            <source>Created &amp;after:</source>
            <translation>Erstellt &amp;nach:</translation>
        </message>
        <message>
            <source>Created after (local time)</source>
            <translation>Erstellt nach (Ortszeit)</translation>
        </message>
        <message>
            <source>Only deployments created after this local time.</source>
            <translation>Nur Deployments, die nach dieser Ortszeit erstellt wurden.</translation>
        </message>
        <message>
            <source>Created &amp;before:</source>
            <translation>Erstellt &amp;vor:</translation>
        </message>
        <message>
            <source>Created before (local time)</source>
            <translation>Erstellt vor (Ortszeit)</translation>
        </message>
        <message>
            <source>Only deployments created before this local time.</source>
            <translation>Nur Deployments, die vor dieser Ortszeit erstellt wurden.</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>Neueste zuerst</translation>
        </message>
        <message>
            <source>Oldest first</source>
            <translation>Älteste zuerst</translation>
        </message>
        <message>
            <source>The service sorts by creation time only; sorting by a column orders the rows loaded so far.</source>
            <translation>Der Dienst sortiert nur nach Erstellungszeit; das Sortieren nach einer Spalte ordnet die bisher geladenen Zeilen.</translation>
        </message>
        <message>
            <source>Deployments asked for per request; more are loaded as you scroll.</source>
            <translation>Deployments pro Anfrage; beim Blättern werden weitere geladen.</translation>
        </message>
        <message>
            <source>&amp;Reset Filters</source>
            <translation>Filter &amp;zurücksetzen</translation>
        </message>
        <message>
            <source>Reset filters</source>
            <translation>Filter zurücksetzen</translation>
        </message>
        <message>
            <source>Show every deployment, newest first.</source>
            <translation>Alle Deployments anzeigen, neueste zuerst.</translation>
        </message>
        <message>
            <source>Text in any column</source>
            <translation>Text in einer beliebigen Spalte</translation>
        </message>
        <message>
            <source>Hides loaded rows without this text; does not ask the service (%1).</source>
            <translation>Blendet geladene Zeilen ohne diesen Text aus; fragt nicht beim Dienst an (%1).</translation>
        </message>
        <message>
            <source>Filter Loaded Rows</source>
            <translation>Geladene Zeilen filtern</translation>
        </message>
        <message>
            <source>&amp;Name contains:</source>
            <translation>&amp;Name enthält:</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>&amp;Status:</translation>
        </message>
        <message>
            <source>&amp;Model:</source>
            <translation>&amp;Modell:</translation>
        </message>
        <message>
            <source>S&amp;ort:</source>
            <translation>S&amp;ortierung:</translation>
        </message>
        <message>
            <source>&amp;Page size:</source>
            <translation>Seiten&amp;größe:</translation>
        </message>
        <message>
            <source>Fi&amp;lter loaded rows:</source>
            <translation>Ge&amp;ladene Zeilen filtern:</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1 (one more field is invalid)</source>
            <translation>%1 (ein weiteres Feld ist ungültig)</translation>
        </message>
        <message>
            <source>%1 (%2 more fields are invalid)</source>
            <translation>%1 (%2 weitere Felder sind ungültig)</translation>
        </message>
        <message>
            <source>Name contains: %1 characters; at most 63 are allowed.</source>
            <translation>Name enthält: %1 Zeichen; höchstens 63 sind erlaubt.</translation>
        </message>
        <message>
            <source>a space</source>
            <translation>ein Leerzeichen</translation>
        </message>
        <message>
            <source>Name contains: %1 is not allowed; use letters, digits, '-' and '_' (at most 63).</source>
            <translation>Name enthält: %1 ist nicht erlaubt; nur Buchstaben, Ziffern, '-' und '_' (höchstens 63).</translation>
        </message>
        <message>
            <source>Name contains: %1</source>
            <translation>Name enthält: %1</translation>
        </message>
        <message>
            <source>Model: "%1" is not a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...); base model and deployment ARNs cannot be used as a filter.</source>
            <translation>Modell: „%1“ ist keine Custom-Model-ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...); ARNs von Basismodellen und Deployments können nicht als Filter dienen.</translation>
        </message>
        <message>
            <source>Model: "%1" is neither one of the account's custom models nor a custom model ARN.</source>
            <translation>Modell: „%1“ ist weder eines der eigenen Modelle des Kontos noch eine Custom-Model-ARN.</translation>
        </message>
        <message>
            <source>Created after (%1) is later than created before (%2): no deployment can match.</source>
            <translation>„Erstellt nach“ (%1) liegt nach „Erstellt vor“ (%2): kein Deployment kann passen.</translation>
        </message>
        <message>
            <source>&amp;Deploy This Model…</source>
            <translation>Dieses Modell &amp;bereitstellen …</translation>
        </message>
        <message>
            <source>Create a deployment of this custom model</source>
            <translation>Ein Deployment dieses benutzerdefinierten Modells erstellen</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::LifecycleActions</name>
        <message>
            <source>&amp;New Deployment…</source>
            <translation>&amp;Neues Deployment …</translation>
        </message>
        <message>
            <source>C&amp;hange Model…</source>
            <translation>Modell &amp;wechseln …</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <comment>deployment</comment>
            <translation>&amp;Löschen …</translation>
        </message>
        <message>
            <source>Deploy a custom model for on-demand inference</source>
            <translation>Ein benutzerdefiniertes Modell für On-Demand-Inferenz bereitstellen</translation>
        </message>
        <message>
            <source>Swap the custom model behind the selected deployment</source>
            <translation>Das benutzerdefinierte Modell hinter dem ausgewählten Deployment tauschen</translation>
        </message>
        <message>
            <source>Delete the selected deployments</source>
            <translation>Die ausgewählten Deployments löschen</translation>
        </message>
        <message>
            <source>Only an Active deployment can change its model</source>
            <translation>Nur ein Deployment im Status Active kann sein Modell wechseln</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Delete %n Deployment(s)…</source>
            <translation>
                <numerusform>%n Deployment &amp;löschen …</numerusform>
                <numerusform>%n Deployments &amp;löschen …</numerusform>
            </translation>
        </message>
        <message>
            <source>Creating the deployment %1</source>
            <translation>Das Deployment %1 wird erstellt</translation>
        </message>
        <message>
            <source>Creating the deployment %1 (the current filters hide it)</source>
            <translation>Das Deployment %1 wird erstellt (die aktuellen Filter blenden es aus)</translation>
        </message>
        <message>
            <source>Changing the model of the deployment</source>
            <translation>Das Modell des Deployments wird gewechselt</translation>
        </message>
        <message numerus="yes">
            <source>Deleting %n deployment(s)</source>
            <translation>
                <numerusform>%n Deployment wird gelöscht</numerusform>
                <numerusform>%n Deployments werden gelöscht</numerusform>
            </translation>
        </message>
        <message>
            <source>Deleting %1, %2 could not be deleted</source>
            <translation>%1 werden gelöscht, %2 konnten nicht gelöscht werden</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::MainWindow</name>
        <message>
            <source>&amp;Export to CSV…</source>
            <translation>Als CSV &amp;exportieren…</translation>
        </message>
        <message>
            <source>Write the deployments to a CSV file</source>
            <translation>Die Deployments in eine CSV-Datei schreiben</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <source>Check the loaded deployments for changes now</source>
            <translation>Die geladenen Deployments jetzt auf Änderungen prüfen</translation>
        </message>
        <message>
            <source>Load &amp;All</source>
            <translation>A&amp;lle laden</translation>
        </message>
        <message>
            <source>Load every remaining page of deployments</source>
            <translation>Alle übrigen Seiten mit Deployments laden</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>A&amp;uto-Refresh</source>
            <translation>A&amp;utomatisch aktualisieren</translation>
        </message>
        <message>
            <source>&amp;Columns</source>
            <translation>&amp;Spalten</translation>
        </message>
        <message>
            <source>&amp;Deployment</source>
            <translation>D&amp;eployment</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;About Outcrop</source>
            <translation>Ü&amp;ber Outcrop</translation>
        </message>
        <message>
            <source>About Outcrop</source>
            <translation>Über Outcrop</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Outcrop %1&lt;/h3&gt;&lt;p&gt;A dashboard for Amazon Bedrock custom model deployments.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License, version 2.0.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Outcrop %1&lt;/h3&gt;&lt;p&gt;Ein Dashboard für Deployments eigener Modelle in Amazon Bedrock.&lt;/p&gt;&lt;p&gt;Lizenziert unter der Apache License, Version 2.0.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Third-party software&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Qt %1 — GNU Lesser General Public License v3 (The Qt Company and contributors).&lt;br&gt;QtKeychain — BSD 3-Clause License (Frank Osterfeld and contributors).&lt;br&gt;AWS Signature Version 4 test suite, used by the tests — Apache License 2.0 (Amazon.com, Inc. or its affiliates).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Software von Drittanbietern&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Qt %1 — GNU Lesser General Public License v3 (The Qt Company und Mitwirkende).&lt;br&gt;QtKeychain — BSD 3-Clause License (Frank Osterfeld und Mitwirkende).&lt;br&gt;AWS Signature Version 4 Test-Suite, in den Tests verwendet — Apache License 2.0 (Amazon.com, Inc. oder verbundene Unternehmen).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Haupt</translation>
        </message>
        <message>
            <source>Deployments</source>
            <translation>Deployments</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>Wird geladen</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>Not connected to AWS.</source>
            <translation>Nicht mit AWS verbunden.</translation>
        </message>
        <message>
            <source>No loaded deployment matches the local filter.</source>
            <translation>Kein geladenes Deployment passt zum lokalen Filter.</translation>
        </message>
        <message>
            <source>No deployments match these filters.</source>
            <translation>Keine Deployments passen zu diesen Filtern.</translation>
        </message>
        <message>
            <source>No deployments in %1.</source>
            <translation>Keine Deployments in %1.</translation>
        </message>
        <message>
            <source>more available</source>
            <translation>weitere verfügbar</translation>
        </message>
        <message>
            <source>Sorted over the loaded rows only; load all to sort every deployment.</source>
            <translation>Nur die geladenen Zeilen sind sortiert; alle laden, um jedes Deployment zu sortieren.</translation>
        </message>
        <message>
            <source>Updated %1</source>
            <translation>Aktualisiert %1</translation>
        </message>
        <message>
            <source>Demo · %1</source>
            <translation>Demo · %1</translation>
        </message>
        <message>
            <source>Profile: %1 · Region: %2</source>
            <translation>Profil: %1 · Region: %2</translation>
        </message>
        <message>
            <source>Profile: %1 · Account: %2 · Region: %3</source>
            <translation>Profil: %1 · Konto: %2 · Region: %3</translation>
        </message>
        <message>
            <source>Outcrop — Demo</source>
            <translation>Outcrop — Demo</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Outcrop — %1 — %2</source>
            <translation>Outcrop — %1 — %2</translation>
        </message>
        <message>
            <source>Outcrop — %1 — %2 — %3</source>
            <translation>Outcrop — %1 — %2 — %3</translation>
        </message>
        <message>
            <source>Outcrop</source>
            <translation>Outcrop</translation>
        </message>
        <message>
            <source>&amp;Credentials…</source>
            <translation>&amp;Anmeldedaten…</translation>
        </message>
        <message>
            <source>Store access keys or a Bedrock API key for a profile in the system keyring</source>
            <translation>Zugriffsschlüssel oder einen Bedrock-API-Schlüssel für ein Profil im Schlüsselbund des Systems speichern</translation>
        </message>
        <message>
            <source>Profile &amp;Label and Colour…</source>
            <translation>Profil&amp;bezeichnung und -farbe…</translation>
        </message>
        <message>
            <source>Give this profile a label and a colour, e.g. red for production</source>
            <translation>Diesem Profil eine Bezeichnung und eine Farbe geben, z. B. Rot für die Produktion</translation>
        </message>
        <message numerus="yes">
            <source>Every %Ln second(s)</source>
            <translation>
                <numerusform>Jede Sekunde</numerusform>
                <numerusform>Alle %Ln Sekunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln deployment(s) to %1</source>
            <translation>
                <numerusform>%Ln Deployment nach %1 exportiert</numerusform>
                <numerusform>%Ln Deployments nach %1 exportiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln deployment(s) loaded</source>
            <translation>
                <numerusform>%Ln Deployment geladen</numerusform>
                <numerusform>%Ln Deployments geladen</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Sources</source>
            <translation>&amp;Quellen</translation>
        </message>
        <message>
            <source>&amp;Choose Sources…</source>
            <translation>Quellen &amp;wählen…</translation>
        </message>
        <message>
            <source>Show several profiles and regions in one table</source>
            <translation>Mehrere Profile und Regionen in einer Tabelle zeigen</translation>
        </message>
        <message>
            <source>Saved Views</source>
            <translation>Gespeicherte Ansichten</translation>
        </message>
        <message>
            <source>Profiles %1 in %2</source>
            <extracomment>%1 profiles, %2 regions (or "own region")</extracomment>
            <translation>Profile %1 in %2</translation>
        </message>
        <message>
            <source>their own regions</source>
            <translation>ihren eigenen Regionen</translation>
        </message>
        <message>
            <source>&amp;Delete View</source>
            <translation>Ansicht &amp;löschen</translation>
        </message>
        <message numerus="yes">
            <source>Demo · %n source(s)</source>
            <translation>
                <numerusform>Demo · %n Quelle</numerusform>
                <numerusform>Demo · %n Quellen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s)</source>
            <translation>
                <numerusform>%n Quelle</numerusform>
                <numerusform>%n Quellen</numerusform>
            </translation>
        </message>
        <message>
            <source>failed: %1</source>
            <translation>fehlgeschlagen: %1</translation>
        </message>
        <message numerus="yes">
            <source>Outcrop — Demo — %n source(s)</source>
            <translation>
                <numerusform>Outcrop — Demo — %n Quelle</numerusform>
                <numerusform>Outcrop — Demo — %n Quellen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Outcrop — %n source(s)</source>
            <translation>
                <numerusform>Outcrop — %n Quelle</numerusform>
                <numerusform>Outcrop — %n Quellen</numerusform>
            </translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>Nur lesen</translation>
        </message>
        <message>
            <source>Read-only mode</source>
            <translation>Nur-Lese-Modus</translation>
        </message>
        <message>
            <source>A view over several sources is read-only: open one profile and region to create, change, delete or tag deployments.</source>
            <translation>Eine Ansicht über mehrere Quellen ist schreibgeschützt: Öffnen Sie ein einzelnes Profil und eine Region, um Deployments zu erstellen, zu ändern, zu löschen oder zu taggen.</translation>
        </message>
        <message>
            <source>Started with --read-only: deployments cannot be created, changed, deleted or tagged from this window.</source>
            <translation>Mit --read-only gestartet: In diesem Fenster können Deployments weder erstellt, geändert, gelöscht noch getaggt werden.</translation>
        </message>
        <message>
            <source>The profile %1 is read-only (View &gt; Profile Label and Colour): deployments cannot be created, changed, deleted or tagged from this window.</source>
            <translation>Das Profil %1 ist schreibgeschützt (Ansicht &gt; Profilbezeichnung und -farbe): In diesem Fenster können Deployments weder erstellt, geändert, gelöscht noch getaggt werden.</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::OverviewWidget</name>
        <message>
            <source>Deployments overview</source>
            <translation>Überblick über die Deployments</translation>
        </message>
        <message>
            <source>%1+ deployments (loaded so far)</source>
            <translation>%1+ Deployments (bisher geladen)</translation>
        </message>
        <message>
            <source>1 deployment</source>
            <translation>1 Deployment</translation>
        </message>
        <message>
            <source>%1 deployments</source>
            <translation>%1 Deployments</translation>
        </message>
        <message>
            <source>No creation times in the loaded rows</source>
            <translation>Keine Erstellungszeiten in den geladenen Zeilen</translation>
        </message>
        <message>
            <source>No deployments loaded</source>
            <translation>Keine Deployments geladen</translation>
        </message>
        <message>
            <source>Created per day</source>
            <translation>Erstellt pro Tag</translation>
        </message>
        <message>
            <source>Created per week</source>
            <translation>Erstellt pro Woche</translation>
        </message>
        <message>
            <source>Created per month</source>
            <translation>Erstellt pro Monat</translation>
        </message>
        <message>
            <source>peak %1</source>
            <translation>Spitze %1</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <comment>a week's range of dates</comment>
            <translation>%1 bis %2</translation>
        </message>
        <message>
            <source>Created: %1</source>
            <translation>Erstellt: %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Counted over the rows loaded so far</source>
            <translation>Gezählt über die bisher geladenen Zeilen</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>%1 from %2 to %3; the most, %4, in %5.</source>
            <translation>%1 von %2 bis %3; die meisten, %4, am %5.</translation>
        </message>
        <message>
            <source>Click to show every status</source>
            <translation>Klicken, um jeden Status zu zeigen</translation>
        </message>
        <message>
            <source>Click to show only these deployments</source>
            <translation>Klicken, um nur diese Deployments zu zeigen</translation>
        </message>
        <message>
            <source>%1: %2 loaded</source>
            <translation>%1: %2 geladen</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ProfileAppearanceDialog</name>
        <message>
            <source>Profile Label and Colour</source>
            <translation>Profilbezeichnung und -farbe</translation>
        </message>
        <message>
            <source>e.g. Production</source>
            <translation>z. B. Produktion</translation>
        </message>
        <message>
            <source>No colour</source>
            <translation>Keine Farbe</translation>
        </message>
        <message>
            <source>Red</source>
            <translation>Rot</translation>
        </message>
        <message>
            <source>Orange</source>
            <translation>Orange</translation>
        </message>
        <message>
            <source>Green</source>
            <translation>Grün</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>Blau</translation>
        </message>
        <message>
            <source>Purple</source>
            <translation>Violett</translation>
        </message>
        <message>
            <source>Profile:</source>
            <translation>Profil:</translation>
        </message>
        <message>
            <source>&amp;Label:</source>
            <translation>&amp;Bezeichnung:</translation>
        </message>
        <message>
            <source>&amp;Colour:</source>
            <translation>&amp;Farbe:</translation>
        </message>
        <message>
            <source>&amp;Read-only: hide the actions that create, change, delete or tag deployments</source>
            <translation>&amp;Nur lesen: die Aktionen ausblenden, die Deployments erstellen, ändern, löschen oder taggen</translation>
        </message>
        <message>
            <source>On by default for a profile whose label or name contains “prod”</source>
            <translation>Standardmäßig an für ein Profil, dessen Bezeichnung oder Name „prod“ enthält</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::SourcesDialog</name>
        <message>
            <source>Choose Sources</source>
            <translation>Quellen wählen</translation>
        </message>
        <message>
            <source>Profiles</source>
            <translation>Profile</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Regionen</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Nicht gespeichert</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Anzeigen</translation>
        </message>
        <message>
            <source>&amp;Profiles:</source>
            <translation>&amp;Profile:</translation>
        </message>
        <message>
            <source>&amp;Regions:</source>
            <translation>&amp;Regionen:</translation>
        </message>
        <message>
            <source>Save as &amp;view:</source>
            <translation>Als &amp;Ansicht speichern:</translation>
        </message>
        <message>
            <source>Check at least one profile.</source>
            <translation>Wählen Sie mindestens ein Profil.</translation>
        </message>
        <message numerus="yes">
            <source>%n profile(s), each in its own region.</source>
            <translation>
                <numerusform>%n Profil, in seiner eigenen Region.</numerusform>
                <numerusform>%n Profile, jedes in seiner eigenen Region.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s): every checked profile in every checked region.</source>
            <translation>
                <numerusform>%n Quelle: jedes gewählte Profil in jeder gewählten Region.</numerusform>
                <numerusform>%n Quellen: jedes gewählte Profil in jeder gewählten Region.</numerusform>
            </translation>
        </message>
        <message>
            <source>Region to add</source>
            <translation>Hinzuzufügende Region</translation>
        </message>
        <message>
            <source>e.g. ap-east-2</source>
            <translation>z. B. ap-east-2</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Hinzufügen</translation>
        </message>
        <message>
            <source>Add region</source>
            <translation>Region hinzufügen</translation>
        </message>
        <message>
            <source>Region problem</source>
            <translation>Problem mit der Region</translation>
        </message>
        <message>
            <source>A region the list does not offer; the service decides whether it serves Bedrock</source>
            <translation>Eine Region, die die Liste nicht anbietet; der Dienst entscheidet, ob er dort Bedrock anbietet</translation>
        </message>
        <message>
            <source>&amp;Other region:</source>
            <translation>A&amp;ndere Region:</translation>
        </message>
        <message>
            <source>“%1” is not a region name: use lower-case letters, digits and single hyphens, such as us-east-1 or ap-southeast-7.</source>
            <extracomment>%1 is what the user typed</extracomment>
            <translation>„%1“ ist kein Regionsname: Verwenden Sie Kleinbuchstaben, Ziffern und einzelne Bindestriche, etwa us-east-1 oder ap-southeast-7.</translation>
        </message>
        <message>
            <source>Type the name of a region to add, such as ap-southeast-7.</source>
            <translation>Geben Sie den Namen der hinzuzufügenden Region ein, etwa ap-southeast-7.</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::StatusSidebar</name>
        <message>
            <source>&amp;Status</source>
            <translation>&amp;Status</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>Statusfilter</translation>
        </message>
        <message>
            <source>Shows only the loaded deployments of the chosen status</source>
            <translation>Zeigt nur die geladenen Deployments mit dem gewählten Status</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>status sidebar entry: label (count)</comment>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1: %2 counted over the rows loaded so far; more pages remain</source>
            <translation>%1: %2, gezählt über die bisher geladenen Zeilen; weitere Seiten folgen</translation>
        </message>
        <message>
            <source>%1, %2 or more</source>
            <comment>accessible text of a partial count</comment>
            <translation>%1, %2 oder mehr</translation>
        </message>
        <message>
            <source>%1: %2 loaded</source>
            <translation>%1: %2 geladen</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message>
            <source>All</source>
            <comment>all deployment statuses</comment>
            <translation>Alle</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::TagEditor</name>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Tags status</source>
            <translation>Status der Tags</translation>
        </message>
        <message>
            <source>Key</source>
            <comment>tag</comment>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>Value</source>
            <comment>tag</comment>
            <translation>Wert</translation>
        </message>
        <message>
            <source>New tag key</source>
            <translation>Schlüssel des neuen Tags</translation>
        </message>
        <message>
            <source>New tag value</source>
            <translation>Wert des neuen Tags</translation>
        </message>
        <message>
            <source>Add</source>
            <comment>tag</comment>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Add the tag</source>
            <translation>Das Tag hinzufügen</translation>
        </message>
        <message>
            <source>Add the tag, or change the value of a tag with this key</source>
            <translation>Das Tag hinzufügen oder den Wert eines Tags mit diesem Schlüssel ändern</translation>
        </message>
        <message>
            <source>Remove</source>
            <comment>tag</comment>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Remove the selected tags</source>
            <translation>Die ausgewählten Tags entfernen</translation>
        </message>
        <message>
            <source>1 to 128 letters, digits, spaces and . _ : / = + @ -; not starting with aws:</source>
            <translation>1 bis 128 Buchstaben, Ziffern, Leerzeichen und . _ : / = + @ -; nicht beginnend mit aws:</translation>
        </message>
        <message>
            <source>Up to 256 letters, digits, spaces and . _ : / = + @ -</source>
            <translation>Bis zu 256 Buchstaben, Ziffern, Leerzeichen und . _ : / = + @ -</translation>
        </message>
        <message>
            <source>Tag error</source>
            <translation>Tag-Fehler</translation>
        </message>
        <message>
            <source>Loading tags…</source>
            <translation>Tags werden geladen …</translation>
        </message>
        <message>
            <source>Saving…</source>
            <comment>tags</comment>
            <translation>Wird gespeichert …</translation>
        </message>
        <message>
            <source>Tags could not be loaded.</source>
            <translation>Die Tags konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>No tags</source>
            <translation>Keine Tags</translation>
        </message>
        <message numerus="yes">
            <source>%n tag(s)</source>
            <translation>
                <numerusform>%n Tag</numerusform>
                <numerusform>%n Tags</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter the tag's key.</source>
            <translation>Geben Sie den Schlüssel des Tags ein.</translation>
        </message>
    </context>
    <context>
        <name>outcrop::keychain::AppProfileAuthProvider</name>
        <message>
            <source>The app profile %1 is no longer available.</source>
            <translation>Das App-Profil %1 ist nicht mehr verfügbar.</translation>
        </message>
        <message>
            <source>The app profile %1 has no usable credentials in the system keyring.</source>
            <translation>Das App-Profil %1 hat keine verwendbaren Anmeldedaten im Schlüsselbund des Systems.</translation>
        </message>
    </context>
    <context>
        <name>outcrop::keychain::AppProfiles</name>
        <message>
            <source>Enter a profile name.</source>
            <translation>Geben Sie einen Profilnamen ein.</translation>
        </message>
        <message>
            <source>The profile name may have up to 64 letters, digits and . _ @ + - (starting with a letter or digit), without spaces or slashes.</source>
            <translation>Der Profilname darf bis zu 64 Buchstaben, Ziffern und . _ @ + - enthalten (beginnend mit Buchstabe oder Ziffer), ohne Leerzeichen oder Schrägstriche.</translation>
        </message>
        <message>
            <source>There is no app profile named %1.</source>
            <translation>Es gibt kein App-Profil namens %1.</translation>
        </message>
        <message>
            <source>The system keyring has no API key for the app profile %1: enter it again in Credentials.</source>
            <translation>Der Schlüsselbund des Systems hat keinen API-Schlüssel für das App-Profil %1: geben Sie ihn unter „Anmeldedaten“ erneut ein.</translation>
        </message>
        <message>
            <source>app profile %1 (system keyring)</source>
            <translation>App-Profil %1 (Schlüsselbund des Systems)</translation>
        </message>
        <message>
            <source>The system keyring has no %1 for the app profile %2: enter the credentials again in Credentials.</source>
            <translation>Der Schlüsselbund des Systems hat kein(en) %1 für das App-Profil %2: geben Sie die Anmeldedaten unter „Anmeldedaten“ erneut ein.</translation>
        </message>
        <message>
            <source>The credentials are incomplete.</source>
            <translation>Die Anmeldedaten sind unvollständig.</translation>
        </message>
        <message>
            <source>app profile %1 (this session only)</source>
            <translation>App-Profil %1 (nur diese Sitzung)</translation>
        </message>
    </context>
    <context>
        <name>outcrop::keychain::KeychainStore</name>
        <message>
            <source> (%1)</source>
            <translation> (%1)</translation>
        </message>
        <message>
            <source>The system keyring has no entry %1.</source>
            <translation>Der Schlüsselbund des Systems hat keinen Eintrag %1.</translation>
        </message>
        <message>
            <source>No system keyring is available: no Secret Service (GNOME Keyring, KWallet) answered on the session bus%1.</source>
            <translation>Kein Schlüsselbund des Systems verfügbar: kein Secret Service (GNOME Keyring, KWallet) hat auf dem Sitzungsbus geantwortet%1.</translation>
        </message>
        <message>
            <source>The system keyring is locked and was not unlocked%1.</source>
            <translation>Der Schlüsselbund des Systems ist gesperrt und wurde nicht entsperrt%1.</translation>
        </message>
        <message>
            <source>Access to the system keyring was denied%1.</source>
            <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert%1.</translation>
        </message>
        <message>
            <source>The system keyring could not handle the entry %1%2.</source>
            <translation>Der Schlüsselbund des Systems konnte den Eintrag %1 nicht verarbeiten%2.</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>keine Antwort</translation>
        </message>
        <message>
            <source>The value of %1 is too long for the system keyring (%2 bytes).</source>
            <translation>Der Wert von %1 ist zu lang für den Schlüsselbund des Systems (%2 Byte).</translation>
        </message>
        <message>
            <source>The system keyring entry %1 is damaged (its list of parts is unreadable); save the credentials again.</source>
            <translation>Der Schlüsselbund-Eintrag %1 ist beschädigt (seine Teileliste ist unlesbar); speichern Sie die Anmeldedaten erneut.</translation>
        </message>
        <message>
            <source>The system keyring entry %1 is incomplete: part %2 of %3 (%4) is missing; save the credentials again.</source>
            <translation>Der Schlüsselbund-Eintrag %1 ist unvollständig: Teil %2 von %3 (%4) fehlt; speichern Sie die Anmeldedaten erneut.</translation>
        </message>
        <message>
            <source>its default collection stays locked: the unlock prompt failed or was dismissed</source>
            <translation>die Standardsammlung bleibt gesperrt: Die Abfrage zum Entsperren ist fehlgeschlagen oder wurde abgebrochen</translation>
        </message>
    </context>
</TS>
