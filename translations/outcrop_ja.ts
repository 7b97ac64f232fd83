<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
    <context>
        <name>AssumeRoleProvider</name>
        <message>
            <source>Profile %1 does not assume a role (no role_arn with source_profile or credential_source).</source>
            <translation>プロファイル %1 はロールを引き受けません (source_profile または credential_source を伴う role_arn がありません)。</translation>
        </message>
        <message>
            <source>Profile %1 names source_profile = %2, but neither %3 nor %4 has that profile.</source>
            <translation>プロファイル %1 は source_profile = %2 を指定していますが、%3 にも %4 にもそのプロファイルがありません。</translation>
        </message>
        <message>
            <source>%1 sets both source_profile and credential_source; keep one of them.</source>
            <extracomment>%1 says where the role is set, e.g. "profile dev in /home/ana/.aws/config".</extracomment>
            <translation>%1 は source_profile と credential_source の両方を設定しています。どちらか一方だけにしてください。</translation>
        </message>
        <message>
            <source>%1: duration_seconds must be a whole number of seconds (900 to 43200), not “%2”.</source>
            <translation>%1: duration_seconds は秒数の整数 (900〜43200) でなければなりません。「%2」は使えません。</translation>
        </message>
        <message>
            <source>%1 sets credential_source = %2; Outcrop supports only Environment.</source>
            <translation>%1 は credential_source = %2 を設定しています。Outcrop が対応しているのは Environment だけです。</translation>
        </message>
        <message>
            <source>%1 sets credential_source = “%2”, which is not one of Environment, Ec2InstanceMetadata or EcsContainer.</source>
            <translation>%1 は credential_source = 「%2」を設定していますが、これは Environment、Ec2InstanceMetadata、EcsContainer のいずれでもありません。</translation>
        </message>
        <message>
            <source>The source_profile settings form a cycle: %1 → %2 (%3). Make one of them use static keys, credential_process or credential_source.</source>
            <translation>source_profile の設定が循環しています: %1 → %2 (%3)。いずれかのプロファイルで静的キー、credential_process、credential_source のどれかを使ってください。</translation>
        </message>
        <message>
            <source>the connection's region</source>
            <translation>接続のリージョン</translation>
        </message>
        <message>
            <source>the default region of STS calls</source>
            <translation>STS 呼び出しの既定のリージョン</translation>
        </message>
        <message>
            <source>Cannot find the STS endpoint: %1</source>
            <translation>STS エンドポイントを決定できません: %1</translation>
        </message>
        <message>
            <source>environment variables</source>
            <translation>環境変数</translation>
        </message>
        <message>
            <source>Profile %1 sets credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set.</source>
            <translation>プロファイル %1 は credential_source = Environment を設定していますが、AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY の両方は設定されていません。</translation>
        </message>
        <message>
            <source>Cannot get the credentials of profile %1, the source_profile of %2: %3</source>
            <translation>%2 の source_profile であるプロファイル %1 の認証情報を取得できません: %3</translation>
        </message>
        <message>
            <source>Profile %1 needs an MFA code (mfa_serial %2), and nothing here can ask for one.</source>
            <translation>プロファイル %1 には MFA コード (mfa_serial %2) が必要ですが、ここではそれを尋ねることができません。</translation>
        </message>
        <message>
            <source>No MFA code was given for profile %1.</source>
            <translation>プロファイル %1 の MFA コードが入力されませんでした。</translation>
        </message>
        <message>
            <source>Cannot assume the role %1 of profile %2 with %3: %4</source>
            <translation>%3 でプロファイル %2 のロール %1 を引き受けられません: %4</translation>
        </message>
        <message>
            <source>role %1 of profile %2</source>
            <translation>プロファイル %2 のロール %1</translation>
        </message>
    </context>
    <context>
        <name>AtomicFileWriter</name>
        <message>
            <source>No output file given.</source>
            <translation>出力ファイルが指定されていません。</translation>
        </message>
        <message>
            <source>Cannot write to standard output: %1</source>
            <translation>標準出力に書き込めません: %1</translation>
        </message>
        <message>
            <source>Refusing to write %1: it is a symbolic link. Give the path of the file it points to, or remove the link.</source>
            <translation>%1 には書き込みません: シンボリックリンクです。リンク先のファイルのパスを指定するか、リンクを削除してください。</translation>
        </message>
        <message>
            <source>Cannot write %1: it is a directory.</source>
            <translation>%1 に書き込めません: ディレクトリです。</translation>
        </message>
        <message>
            <source>Refusing to write %1: it is not a regular file (a device, pipe or socket would be replaced, not written to). Use - for standard output.</source>
            <translation>%1 には書き込みません: 通常のファイルではありません (デバイス、パイプ、ソケットは書き込まれずに置き換えられてしまいます)。標準出力には - を使ってください。</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 に書き込めません: %2</translation>
        </message>
        <message>
            <source>Cannot write %1: it names a directory, not a file.</source>
            <translation>%1 に書き込めません: ファイルではなくディレクトリを指しています。</translation>
        </message>
        <message>
            <source>Cannot create a temporary file in %1 to write %2: %3</source>
            <translation>%2 を書き込むための一時ファイルを %1 に作成できません: %3</translation>
        </message>
        <message>
            <source>Cannot create a temporary file in %1 to write %2: every name tried already exists.</source>
            <translation>%2 を書き込むための一時ファイルを %1 に作成できません: 試したすべての名前が既に存在します。</translation>
        </message>
        <message>
            <source>Cannot write %1: the output is not open.</source>
            <translation>%1 に書き込めません: 出力が開かれていません。</translation>
        </message>
        <message>
            <source>Cannot replace %1: %2</source>
            <translation>%1 を置き換えられません: %2</translation>
        </message>
        <message>
            <source>Writing to standard output failed: %1. The output is incomplete.</source>
            <translation>標準出力への書き込みに失敗しました: %1。出力は不完全です。</translation>
        </message>
        <message>
            <source>Cannot write %1: %2. %1 was not changed.</source>
            <translation>%1 に書き込めません: %2。%1 は変更されていません。</translation>
        </message>
    </context>
    <context>
        <name>AwsClient</name>
        <message>
            <source>Could not reach %1: %2</source>
            <translation>%1 に接続できませんでした: %2</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>キャンセルしました。</translation>
        </message>
        <message>
            <source>%1 timed out after %2 s.</source>
            <translation>%1 が %2 秒後にタイムアウトしました。</translation>
        </message>
        <message>
            <source>%1 returned a reply Outcrop cannot read: %2</source>
            <translation>%1 が Outcrop の読めない応答を返しました: %2</translation>
        </message>
        <message>
            <source>If the endpoint uses a private certificate authority, give its certificate with AWS_CA_BUNDLE or ca_bundle in the profile.</source>
            <translation>エンドポイントがプライベート認証局を使用している場合は、その証明書を AWS_CA_BUNDLE またはプロファイルの ca_bundle で指定してください。</translation>
        </message>
    </context>
    <context>
        <name>AwsConfigFile</name>
        <message>
            <source>%1: cannot be read: %2</source>
            <extracomment>%1 is a file's path, %2 the system's reason.</extracomment>
            <translation>%1: 読み取れません: %2</translation>
        </message>
        <message>
            <source>unexpected text after the section header's closing ']'</source>
            <translation>セクション見出しの閉じ ']' の後に予期しないテキストがあります</translation>
        </message>
        <message>
            <source>section header without a closing ']'</source>
            <translation>セクション見出しに閉じ ']' がありません</translation>
        </message>
        <message>
            <source>section header without a name</source>
            <translation>セクション見出しに名前がありません</translation>
        </message>
        <message>
            <source>expected “key = value”, a [section] header or a comment</source>
            <translation>「キー = 値」、[セクション] 見出し、またはコメントが必要です</translation>
        </message>
        <message>
            <source>a setting without a name (the line starts with '=')</source>
            <translation>名前のない設定です (行が '=' で始まっています)</translation>
        </message>
        <message>
            <source>the setting “%1” comes before any [section] header</source>
            <translation>設定「%1」がどの [セクション] 見出しよりも前にあります</translation>
        </message>
    </context>
    <context>
        <name>AwsError</name>
        <message>
            <source>HTTP %1 with a reply that is not JSON</source>
            <translation>HTTP %1 (応答が JSON ではありません)</translation>
        </message>
        <message>
            <source>Access denied.</source>
            <translation>アクセスが拒否されました。</translation>
        </message>
        <message>
            <source>Access denied: your credentials are not allowed %1. Ask your AWS administrator to grant that IAM action.</source>
            <translation>アクセスが拒否されました: 認証情報に %1 が許可されていません。AWS 管理者にその IAM アクションの許可を依頼してください。</translation>
        </message>
        <message>
            <source>The service rejected the request as invalid.</source>
            <translation>サービスがリクエストを無効として拒否しました。</translation>
        </message>
        <message>
            <source>The service had an internal error; trying again later usually helps.</source>
            <translation>サービスで内部エラーが発生しました。通常は後で再試行すると解決します。</translation>
        </message>
        <message>
            <source>The service is throttling requests; wait a moment and try again.</source>
            <translation>サービスがリクエストを制限しています。しばらく待ってから再試行してください。</translation>
        </message>
        <message>
            <source>Not found: the deployment or model does not exist in this account and region (it may have been deleted).</source>
            <translation>見つかりません: このアカウントとリージョンにそのデプロイメントまたはモデルは存在しません (削除された可能性があります)。</translation>
        </message>
        <message>
            <source>The deployment is busy with another change; try again when it has finished.</source>
            <translation>デプロイメントは別の変更を処理中です。完了してから再試行してください。</translation>
        </message>
        <message>
            <source>A service quota is exhausted; request an increase in the Service Quotas console.</source>
            <translation>サービスクォータを使い切りました。Service Quotas コンソールで引き上げを申請してください。</translation>
        </message>
        <message>
            <source>Too many tags on the resource.</source>
            <translation>リソースのタグが多すぎます。</translation>
        </message>
        <message>
            <source>The credentials have expired; refresh them (for example with 'aws sso login') and try again.</source>
            <translation>認証情報の有効期限が切れました。('aws sso login' などで) 更新してから再試行してください。</translation>
        </message>
        <message>
            <source>The request signature was rejected: check the secret access key, and that this computer's clock is right.</source>
            <translation>リクエストの署名が拒否されました: シークレットアクセスキーと、このコンピューターの時計が正しいことを確認してください。</translation>
        </message>
        <message>
            <source>The access key id is not known to AWS in this partition: check the credentials and the region.</source>
            <translation>このパーティションの AWS はそのアクセスキー ID を認識していません: 認証情報とリージョンを確認してください。</translation>
        </message>
        <message>
            <source>The service returned the error %1.</source>
            <translation>サービスがエラー %1 を返しました。</translation>
        </message>
        <message>
            <source>The service said: %1</source>
            <translation>サービスからのメッセージ: %1</translation>
        </message>
        <message>
            <source>(request id %1)</source>
            <translation>(リクエスト ID %1)</translation>
        </message>
    </context>
    <context>
        <name>AwsSharedConfig</name>
        <message>
            <source>profile %1 in %2</source>
            <extracomment>Where a setting was found; %2 is a file's path. Used inside other messages.</extracomment>
            <translation>%2 のプロファイル %1</translation>
        </message>
        <message>
            <source>profile %1 names the services section “%2”, but %3 has no [services %2]</source>
            <translation>プロファイル %1 は services セクション「%2」を指定していますが、%3 に [services %2] がありません</translation>
        </message>
    </context>
    <context>
        <name>BedrockClient</name>
        <message>
            <source>Outcrop is read-only (--read-only, or the profile's read-only setting): %1 was not sent and nothing was changed.</source>
            <translation>Outcrop は読み取り専用です (--read-only、またはプロファイルの読み取り専用設定)。%1 は送信されず、何も変更されていません。</translation>
        </message>
    </context>
    <context>
        <name>BedrockJson</name>
        <message>
            <source>the reply has no %1, which is required</source>
            <translation>応答に必須の %1 がありません</translation>
        </message>
        <message>
            <source>%1 in the reply is not a string</source>
            <translation>応答の %1 が文字列ではありません</translation>
        </message>
        <message>
            <source>%1 in the reply is "%2", not an RFC 3339 time</source>
            <translation>応答の %1 が「%2」で、RFC 3339 の時刻ではありません</translation>
        </message>
        <message>
            <source>the reply is not valid JSON (%1 at byte %2)</source>
            <translation>応答が有効な JSON ではありません (%2 バイト目で %1)</translation>
        </message>
        <message>
            <source>the reply is not a JSON object</source>
            <translation>応答が JSON オブジェクトではありません</translation>
        </message>
        <message>
            <source>nextToken in the reply is not a string</source>
            <translation>応答の nextToken が文字列ではありません</translation>
        </message>
        <message>
            <source>modelDeploymentSummaries in the reply is not a list</source>
            <translation>応答の modelDeploymentSummaries がリストではありません</translation>
        </message>
        <message>
            <source>%1 in the reply is not an object</source>
            <translation>応答の %1 がオブジェクトではありません</translation>
        </message>
        <message>
            <source>tags in the reply is not a list</source>
            <translation>応答の tags がリストではありません</translation>
        </message>
    </context>
    <context>
        <name>BedrockSession</name>
        <message>
            <source>No STS client: the session is authenticated for Bedrock only.</source>
            <translation>STS クライアントがありません: このセッションは Bedrock 専用に認証されています。</translation>
        </message>
        <message>
            <source>No STS endpoint.</source>
            <translation>STS エンドポイントがありません。</translation>
        </message>
    </context>
    <context>
        <name>CommandLine</name>
        <message>
            <source>Outcrop: a dashboard for Amazon Bedrock custom model deployments.
Without --export it opens the dashboard; with --export it writes a CSV file and exits.</source>
            <translation>Outcrop: Amazon Bedrock のカスタムモデルデプロイメント用ダッシュボード。
--export なしではダッシュボードを開き、--export 付きでは CSV ファイルを書き出して終了します。</translation>
        </message>
        <message>
            <source>Run against the built-in Bedrock simulator with generated data instead of AWS.</source>
            <translation>AWS の代わりに、生成データを使う内蔵の Bedrock シミュレーターに接続します。</translation>
        </message>
        <message>
            <source>Write a detailed log for support cases to outcrop-debug.log in Outcrop's data folder (secrets are redacted); the path is printed at start.</source>
            <translation>サポート用の詳細ログを Outcrop のデータフォルダーの outcrop-debug.log に書き込みます (秘密情報は伏せられます)。パスは起動時に表示されます。</translation>
        </message>
        <message>
            <source>How many deployments the simulator generates with --demo (default 300).</source>
            <translation>--demo でシミュレーターが生成するデプロイメント数 (既定値 300)。</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>The language of the user interface and the locale of dates and numbers, e.g. de, ja or en (default: the system's).</source>
            <translation>ユーザーインターフェイスの言語と、日付・数値のロケール。例: de、ja、en (既定値: システムの設定)。</translation>
        </message>
        <message>
            <source>locale</source>
            <translation>ロケール</translation>
        </message>
        <message>
            <source>Unexpected argument "%1"; see --help.</source>
            <translation>予期しない引数「%1」です。--help を参照してください。</translation>
        </message>
        <message>
            <source>--demo-count: '%1' is not a number from 0 to 1000000.</source>
            <translation>--demo-count: '%1' は 0〜1000000 の数値ではありません。</translation>
        </message>
        <message>
            <source>--lang: '%1' is not a known locale name such as de, ja or en.</source>
            <translation>--lang: '%1' は既知のロケール名 (de、ja、en など) ではありません。</translation>
        </message>
        <message>
            <source>writing a debug log (secrets redacted) to %1</source>
            <translation>デバッグログ (秘密情報は伏せ字) を %1 に書き込んでいます</translation>
        </message>
        <message>
            <source>Never change anything: creating, updating, deleting and tagging deployments are hidden and refused for this session.</source>
            <translation>何も変更しません: このセッションではデプロイメントの作成、更新、削除、タグ付けを非表示にし、拒否します。</translation>
        </message>
    </context>
    <context>
        <name>CreateDeploymentDialog</name>
        <message>
            <source>New Deployment</source>
            <translation>新しいデプロイメント</translation>
        </message>
        <message>
            <source>Deploys a custom model for on-demand inference. Its ARN is the model id for InvokeModel and Converse.</source>
            <translation>カスタムモデルをオンデマンド推論用にデプロイします。その ARN が InvokeModel と Converse のモデル ID です。</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名前(&amp;N):</translation>
        </message>
        <message>
            <source>e.g. support-bot-v2</source>
            <translation>例: support-bot-v2</translation>
        </message>
        <message>
            <source>Deployment name</source>
            <translation>デプロイメント名</translation>
        </message>
        <message>
            <source>Custom &amp;model:</source>
            <translation>カスタムモデル(&amp;M):</translation>
        </message>
        <message>
            <source>Custom model</source>
            <translation>カスタムモデル</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>説明(&amp;D):</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>省略可</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>説明</translation>
        </message>
        <message>
            <source>&amp;Tags:</source>
            <translation>タグ(&amp;T):</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <source>Key</source>
            <comment>tag</comment>
            <translation>キー</translation>
        </message>
        <message>
            <source>Value</source>
            <comment>tag</comment>
            <translation>値</translation>
        </message>
        <message>
            <source>&amp;Add Tag</source>
            <translation>タグを追加(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Remove Tag</source>
            <translation>タグを削除(&amp;R)</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>メッセージ</translation>
        </message>
    </context>
    <context>
        <name>CredentialChain</name>
        <message>
            <source>%1 (file not found)</source>
            <extracomment>A line of "No AWS credentials found … Searched:"; %1 is a file's path.</extracomment>
            <translation>%1 (ファイルが見つかりません)</translation>
        </message>
        <message>
            <source>%1, %2 (%3)</source>
            <extracomment>A line of "No AWS credentials found … Searched:"; %1 a file's path, %2 a section such as [profile dev], %3 what was missing there.</extracomment>
            <translation>%1、%2 (%3)</translation>
        </message>
        <message>
            <source>no aws_access_key_id / aws_secret_access_key</source>
            <translation>aws_access_key_id / aws_secret_access_key がありません</translation>
        </message>
        <message>
            <source>no such section</source>
            <translation>そのセクションはありません</translation>
        </message>
        <message>
            <source>credentials entered in Outcrop</source>
            <translation>Outcrop で入力した認証情報</translation>
        </message>
        <message>
            <source>credentials entered in Outcrop (none)</source>
            <translation>Outcrop で入力した認証情報 (なし)</translation>
        </message>
        <message>
            <source>environment variables %1 / %2 (skipped: profile %3 was chosen, which takes precedence as in the AWS SDK for JavaScript)</source>
            <translation>環境変数 %1 / %2 (スキップ: プロファイル %3 が選ばれており、AWS SDK for JavaScript と同じくそちらが優先されます)</translation>
        </message>
        <message>
            <source>environment variables</source>
            <translation>環境変数</translation>
        </message>
        <message>
            <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time.</source>
            <translation>AWS_CREDENTIAL_EXPIRATION が ISO 8601 形式の時刻ではありません。</translation>
        </message>
        <message>
            <source>environment variables %1 / %2 (%3)</source>
            <translation>環境変数 %1 / %2 (%3)</translation>
        </message>
        <message>
            <source>only %1 is set</source>
            <translation>%1 だけが設定されています</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>未設定</translation>
        </message>
        <message>
            <source>Cannot read the AWS configuration: %1</source>
            <translation>AWS の設定を読み取れません: %1</translation>
        </message>
        <message>
            <source>No AWS credentials found for profile %1. Searched:</source>
            <translation>プロファイル %1 の AWS 認証情報が見つかりません。検索した場所:</translation>
        </message>
        <message>
            <source>%1 has a section [%2]; in the config file a profile is written [profile %2].</source>
            <translation>%1 にはセクション [%2] があります。config ファイルではプロファイルを [profile %2] と書きます。</translation>
        </message>
        <message>
            <source>Profile %1 %2; Outcrop does not support that kind of profile yet. Use static keys, credential_process or environment variables for now.</source>
            <extracomment>%2 says what the profile uses, e.g. "uses web identity (web_identity_token_file)".</extracomment>
            <translation>プロファイル %1 は %2。Outcrop はこの種類のプロファイルにまだ対応していません。当面は静的キー、credential_process、または環境変数を使ってください。</translation>
        </message>
        <message>
            <source>; profile %1 has only one of %2 and %3</source>
            <translation>; プロファイル %1 には %2 と %3 の一方しかありません</translation>
        </message>
        <message>
            <source>uses web identity (web_identity_token_file)</source>
            <extracomment>Completes "Profile NAME …; Outcrop does not support that kind of profile yet."</extracomment>
            <translation>Web ID (web_identity_token_file) を使っています</translation>
        </message>
        <message>
            <source>credential_process of profile %1 (not set)</source>
            <translation>プロファイル %1 の credential_process (未設定)</translation>
        </message>
        <message>
            <source>uses “aws login” (login_session)</source>
            <extracomment>Completes "Profile NAME …; Outcrop does not support that kind of profile yet."</extracomment>
            <translation>「aws login」(login_session) を使っています</translation>
        </message>
    </context>
    <context>
        <name>CredentialProcess</name>
        <message>
            <source>its command line cannot be split into words (%1)</source>
            <translation>コマンドラインを単語に分割できません (%1)</translation>
        </message>
        <message>
            <source>its command line is empty</source>
            <translation>コマンドラインが空です</translation>
        </message>
        <message>
            <source>the program “%1” was not found in PATH</source>
            <translation>プログラム「%1」が PATH に見つかりません</translation>
        </message>
        <message>
            <source>the program “%1” could not be started: %2</source>
            <translation>プログラム「%1」を起動できませんでした: %2</translation>
        </message>
        <message>
            <source>“%1” did not finish within %2 seconds and was stopped</source>
            <translation>「%1」が %2 秒以内に終了しなかったため停止しました</translation>
        </message>
        <message>
            <source>“%1” printed more than %2 bytes; that is not a credentials document</source>
            <translation>「%1」が %2 バイトを超えて出力しました。認証情報のドキュメントではありません</translation>
        </message>
        <message>
            <source>“%1” crashed and printed nothing on standard error</source>
            <translation>「%1」がクラッシュし、標準エラーには何も出力しませんでした</translation>
        </message>
        <message>
            <source>“%1” crashed. Its standard error:
%2</source>
            <translation>「%1」がクラッシュしました。標準エラー:
%2</translation>
        </message>
        <message>
            <source>“%1” exited with code %2 and printed nothing on standard error</source>
            <translation>「%1」がコード %2 で終了し、標準エラーには何も出力しませんでした</translation>
        </message>
        <message>
            <source>“%1” exited with code %2. Its standard error:
%3</source>
            <translation>「%1」がコード %2 で終了しました。標準エラー:
%3</translation>
        </message>
        <message>
            <source>“%1” %2</source>
            <extracomment>%1 is the program, %2 what it did wrong, e.g. "printed no "Version" (it must be 1)".</extracomment>
            <translation>「%1」: %2</translation>
        </message>
        <message>
            <source>credential_process of profile %1</source>
            <translation>プロファイル %1 の credential_process</translation>
        </message>
        <message>
            <source>credential_process of profile %1 failed: %2</source>
            <translation>プロファイル %1 の credential_process が失敗しました: %2</translation>
        </message>
        <message>
            <source>printed something that is not a JSON object (%1)</source>
            <translation>JSON オブジェクトではないものを出力しました (%1)</translation>
        </message>
        <message>
            <source>not an object</source>
            <translation>オブジェクトではありません</translation>
        </message>
        <message>
            <source>printed no "Version" (it must be 1)</source>
            <translation>"Version" を出力しませんでした (1 でなければなりません)</translation>
        </message>
        <message>
            <source>printed a "Version" other than 1; only Version 1 is known</source>
            <translation>1 以外の "Version" を出力しました。既知なのは Version 1 だけです</translation>
        </message>
        <message>
            <source>printed no %1</source>
            <translation>%1 を出力しませんでした</translation>
        </message>
        <message>
            <source>printed no %1 and %2</source>
            <translation>%1 も %2 も出力しませんでした</translation>
        </message>
        <message>
            <source>printed a "SessionToken" that is not a string</source>
            <translation>文字列ではない "SessionToken" を出力しました</translation>
        </message>
        <message>
            <source>printed an "Expiration" that is not an ISO 8601 time (%1)</source>
            <translation>ISO 8601 形式の時刻ではない "Expiration" を出力しました (%1)</translation>
        </message>
        <message>
            <source>returned expired credentials (Expiration %1)</source>
            <translation>期限切れの認証情報を返しました (Expiration %1)</translation>
        </message>
    </context>
    <context>
        <name>CredentialsDialog</name>
        <message>
            <source>Credentials</source>
            <translation>認証情報</translation>
        </message>
        <message>
            <source>Credentials of the app's own profiles are kept in the system keyring, never in a file.</source>
            <translation>アプリ独自のプロファイルの認証情報はシステムのキーリングに保存され、ファイルには保存されません。</translation>
        </message>
        <message>
            <source>&amp;Profile:</source>
            <translation>プロファイル(&amp;P):</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>プロファイル</translation>
        </message>
        <message>
            <source>Stored credentials</source>
            <translation>保存済みの認証情報</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>種類(&amp;K):</translation>
        </message>
        <message>
            <source>Kind of credentials</source>
            <translation>認証情報の種類</translation>
        </message>
        <message>
            <source>Access key pair</source>
            <translation>アクセスキーペア</translation>
        </message>
        <message>
            <source>Bedrock API key</source>
            <translation>Bedrock API キー</translation>
        </message>
        <message>
            <source>Access key &amp;ID:</source>
            <translation>アクセスキー ID(&amp;I):</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>アクセスキー ID</translation>
        </message>
        <message>
            <source>AKIA…</source>
            <translation>AKIA…</translation>
        </message>
        <message>
            <source>Se&amp;cret access key:</source>
            <translation>シークレットアクセスキー(&amp;C):</translation>
        </message>
        <message>
            <source>Secret access key</source>
            <translation>シークレットアクセスキー</translation>
        </message>
        <message>
            <source>Session &amp;token:</source>
            <translation>セッショントークン(&amp;T):</translation>
        </message>
        <message>
            <source>Session token</source>
            <translation>セッショントークン</translation>
        </message>
        <message>
            <source>Optional, for temporary credentials</source>
            <translation>省略可。一時的な認証情報用</translation>
        </message>
        <message>
            <source>&amp;API key:</source>
            <translation>API キー(&amp;A):</translation>
        </message>
        <message>
            <source>Keyring state</source>
            <translation>キーリングの状態</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>メッセージ</translation>
        </message>
    </context>
    <context>
        <name>CsvWriter</name>
        <message>
            <source>the output is not open for writing</source>
            <translation>出力が書き込み用に開かれていません</translation>
        </message>
    </context>
    <context>
        <name>DebugLog</name>
        <message>
            <source>Cannot write the debug log %1: %2</source>
            <translation>デバッグログ %1 に書き込めません: %2</translation>
        </message>
    </context>
    <context>
        <name>DeploymentExport</name>
        <message>
            <source>What was written to standard output is incomplete.</source>
            <translation>標準出力に書き込まれた内容は不完全です。</translation>
        </message>
        <message>
            <source>The export was cancelled.</source>
            <translation>エクスポートはキャンセルされました。</translation>
        </message>
        <message>
            <source>Source %1: %2</source>
            <translation>ソース %1: %2</translation>
        </message>
    </context>
    <context>
        <name>DeploymentMutations</name>
        <message>
            <source>Tag %1</source>
            <translation>タグ %1</translation>
        </message>
        <message>
            <source>%1: the key is empty; a tag key needs 1 to %2 characters.</source>
            <translation>%1: キーが空です。タグキーは 1〜%2 文字で指定してください。</translation>
        </message>
        <message>
            <source>%1: the key is %2 characters long; at most %3 are allowed.</source>
            <translation>%1: キーが %2 文字です。最大 %3 文字です。</translation>
        </message>
        <message>
            <source>%1: the key "%2" may only hold letters a-z and A-Z, digits, spaces and . _ : / = + @ -.</source>
            <translation>%1: キー「%2」には英字 a-z と A-Z、数字、スペース、. _ : / = + @ - だけを使えます。</translation>
        </message>
        <message>
            <source>%1: the key "%2" starts with "aws:", which AWS reserves for its own tags.</source>
            <translation>%1: キー「%2」は「aws:」で始まっています。この接頭辞は AWS が自身のタグ用に予約しています。</translation>
        </message>
        <message>
            <source>The deployment name is required: 1 to %1 letters, digits, '-' and '_'.</source>
            <translation>デプロイメント名は必須です: 英字、数字、'-'、'_' で 1〜%1 文字。</translation>
        </message>
        <message>
            <source>The deployment name is %1 characters long; at most %2 are allowed.</source>
            <translation>デプロイメント名が %1 文字です。最大 %2 文字です。</translation>
        </message>
        <message>
            <source>The deployment name "%1" is not allowed: use letters a-z and A-Z, digits, '-' and '_', start with a letter or digit, and never put two of '-' and '_' in a row.</source>
            <translation>デプロイメント名「%1」は使えません: 英字 a-z と A-Z、数字、'-'、'_' を使い、英字か数字で始め、'-' と '_' を 2 つ続けないでください。</translation>
        </message>
        <message>
            <source>The description is %1 characters long; at most %2 are allowed.</source>
            <translation>説明が %1 文字です。最大 %2 文字です。</translation>
        </message>
        <message>
            <source>There are %1 tags; at most %2 can be sent at once.</source>
            <translation>タグが %1 個あります。一度に送信できるのは最大 %2 個です。</translation>
        </message>
        <message>
            <source>%1 (%2): the value is %3 characters long; at most %4 are allowed.</source>
            <translation>%1 (%2): 値が %3 文字です。最大 %4 文字です。</translation>
        </message>
        <message>
            <source>%1 (%2): the value "%3" may only hold letters a-z and A-Z, digits, spaces and . _ : / = + @ -.</source>
            <translation>%1 (%2): 値「%3」には英字 a-z と A-Z、数字、スペース、. _ : / = + @ - だけを使えます。</translation>
        </message>
        <message>
            <source>%1 (%2): the value starts with "aws:", which AWS reserves for its own tags.</source>
            <translation>%1 (%2): 値が「aws:」で始まっています。この接頭辞は AWS が自身のタグ用に予約しています。</translation>
        </message>
        <message>
            <source>%1: the key "%2" appears more than once; each tag key must be unique.</source>
            <translation>%1: キー「%2」が複数回使われています。タグキーは一意にしてください。</translation>
        </message>
        <message>
            <source>No tag keys to remove.</source>
            <translation>削除するタグキーがありません。</translation>
        </message>
        <message>
            <source>There are %1 tag keys; at most %2 can be removed at once.</source>
            <translation>タグキーが %1 個あります。一度に削除できるのは最大 %2 個です。</translation>
        </message>
        <message>
            <source>The deployment would have %1 tags; a resource can have at most %2.</source>
            <translation>デプロイメントのタグが %1 個になります。1 つのリソースに付けられるタグは最大 %2 個です。</translation>
        </message>
        <message>
            <source>The client request token "%1" is not allowed: use 1 to %2 letters, digits and '-', starting and ending with a letter or digit.</source>
            <translation>クライアントリクエストトークン「%1」は使えません: 英字、数字、'-' で 1〜%2 文字とし、英字か数字で始めて終えてください。</translation>
        </message>
        <message>
            <source>The custom model is required.</source>
            <translation>カスタムモデルは必須です。</translation>
        </message>
        <message>
            <source>The custom model "%1" is not a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</source>
            <translation>カスタムモデル「%1」はカスタムモデルの ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...) ではありません。</translation>
        </message>
        <message>
            <source>No deployment is given (its ARN or name is required).</source>
            <translation>デプロイメントが指定されていません (ARN または名前が必要です)。</translation>
        </message>
        <message>
            <source>The resource "%1" is not an ARN (arn:aws:bedrock:REGION:ACCOUNT:...).</source>
            <translation>リソース「%1」は ARN (arn:aws:bedrock:REGION:ACCOUNT:...) ではありません。</translation>
        </message>
    </context>
    <context>
        <name>DeploymentPager</name>
        <message numerus="yes">
            <source>The service returned a page token it had already returned (after %Ln page(s)); stopped so as not to list the same rows for ever.</source>
            <translation>
                <numerusform>サービスが既に返したページトークンを再び返しました (%Ln ページ後)。同じ行を延々と一覧しないよう停止しました。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeploymentQuery</name>
        <message>
            <source>createdAfter (%1) is later than createdBefore (%2): no deployment can match.</source>
            <translation>createdAfter (%1) が createdBefore (%2) より後です。一致するデプロイメントはありません。</translation>
        </message>
        <message>
            <source>nameContains is %1 characters long; at most 63 are allowed.</source>
            <translation>nameContains が %1 文字です。最大 63 文字です。</translation>
        </message>
        <message>
            <source>nameContains "%1" may only hold letters, digits, '-' and '_'.</source>
            <translation>nameContains「%1」には英字、数字、'-'、'_' だけを使えます。</translation>
        </message>
        <message>
            <source>statusEquals "%1" is not a status; use Creating, Active or Failed.</source>
            <translation>statusEquals「%1」はステータスではありません。Creating、Active、Failed のいずれかを使ってください。</translation>
        </message>
        <message>
            <source>modelArnEquals "%1" is not a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</source>
            <translation>modelArnEquals「%1」はカスタムモデルの ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...) ではありません。</translation>
        </message>
        <message>
            <source>maxResults is %1; it must be between 1 and 1000.</source>
            <translation>maxResults が %1 です。1〜1000 の範囲で指定してください。</translation>
        </message>
    </context>
    <context>
        <name>DeploymentSources</name>
        <message>
            <source>Source %1: %2</source>
            <translation>ソース %1: %2</translation>
        </message>
    </context>
    <context>
        <name>EndpointResolver</name>
        <message>
            <source>%1 must be “true” or “false”, not “%2”.</source>
            <translation>%1 は「true」か「false」でなければなりません。「%2」は使えません。</translation>
        </message>
        <message>
            <source>[services %1] %2.endpoint_url in %3</source>
            <translation>%3 の [services %1] %2.endpoint_url</translation>
        </message>
        <message>
            <source>The endpoint URL from %1 is not an http:// or https:// URL with a host.</source>
            <translation>%1 のエンドポイント URL が、ホストを含む http:// または https:// の URL ではありません。</translation>
        </message>
        <message>
            <source>the FIPS region name</source>
            <translation>FIPS リージョン名</translation>
        </message>
        <message>
            <source>Invalid Configuration: FIPS and custom endpoint are not supported (endpoint from %1, FIPS from %2)</source>
            <translation>無効な設定: FIPS とカスタムエンドポイントは併用できません (エンドポイントは %1、FIPS は %2 から)</translation>
        </message>
        <message>
            <source>Invalid Configuration: Dualstack and custom endpoint are not supported (endpoint from %1, dual-stack from %2)</source>
            <translation>無効な設定: デュアルスタックとカスタムエンドポイントは併用できません (エンドポイントは %1、デュアルスタックは %2 から)</translation>
        </message>
        <message>
            <source>Invalid Configuration: Missing Region</source>
            <translation>無効な設定: リージョンがありません</translation>
        </message>
        <message>
            <source>region %1 (partition %2)</source>
            <translation>リージョン %1 (パーティション %2)</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export to CSV</source>
            <translation>CSV にエクスポート</translation>
        </message>
        <message>
            <source>What to export</source>
            <translation>エクスポートする内容</translation>
        </message>
        <message>
            <source>&amp;All deployments matching the current filters</source>
            <translation>現在のフィルターに一致するすべてのデプロイメント(&amp;A)</translation>
        </message>
        <message>
            <source>Only the &amp;rows shown</source>
            <translation>表示中の行のみ(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>ファイル(&amp;F):</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>参照(&amp;B)…</translation>
        </message>
        <message>
            <source>UTF-8 with &amp;BOM (for Excel)</source>
            <translation>BOM 付き UTF-8 (Excel 用)(&amp;B)</translation>
        </message>
    </context>
    <context>
        <name>ExportOptions</name>
        <message>
            <source>%1 is given %2 times; give it once.</source>
            <translation>%1 が %2 回指定されています。1 回だけ指定してください。</translation>
        </message>
        <message>
            <source>%1: '%2' is not an RFC 3339 time or date; use e.g. 2025-07-01, 2025-07-01T12:00:00Z or 2025-07-01T14:00:00+02:00 (without a zone, UTC).</source>
            <translation>%1: '%2' は RFC 3339 の時刻や日付ではありません。2025-07-01、2025-07-01T12:00:00Z、2025-07-01T14:00:00+02:00 などを使ってください (タイムゾーンがなければ UTC)。</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>region</source>
            <translation>リージョン</translation>
        </message>
        <message>
            <source>Send requests to this URL instead of the region's Bedrock endpoint (https://, or http:// on a loopback address).</source>
            <translation>リージョンの Bedrock エンドポイントの代わりにこの URL にリクエストを送ります (https://、またはループバックアドレスでの http://)。</translation>
        </message>
        <message>
            <source>url</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>The current code of your MFA device, for a profile that assumes a role with mfa_serial (6 digits).</source>
            <translation>mfa_serial 付きのロールを引き受けるプロファイル用の、MFA デバイスの現在のコード (6 桁)。</translation>
        </message>
        <message>
            <source>code</source>
            <translation>コード</translation>
        </message>
        <message>
            <source>Write every matching deployment to &lt;file&gt; as CSV and exit, without opening a window. - writes to standard output.</source>
            <translation>一致するすべてのデプロイメントを CSV として &lt;ファイル&gt; に書き出し、ウィンドウを開かずに終了します。- は標準出力に書き出します。</translation>
        </message>
        <message>
            <source>file</source>
            <translation>ファイル</translation>
        </message>
        <message>
            <source>Export only deployments with this status: Creating, Active or Failed (any case).</source>
            <translation>このステータスのデプロイメントだけをエクスポートします: Creating、Active、Failed (大文字小文字は区別しません)。</translation>
        </message>
        <message>
            <source>status</source>
            <translation>ステータス</translation>
        </message>
        <message>
            <source>Export only deployments whose name contains &lt;text&gt; (letters, digits, - and _).</source>
            <translation>名前に &lt;テキスト&gt; を含むデプロイメントだけをエクスポートします (英字、数字、- と _)。</translation>
        </message>
        <message>
            <source>text</source>
            <translation>テキスト</translation>
        </message>
        <message>
            <source>Export only deployments of the custom model with this ARN.</source>
            <translation>この ARN のカスタムモデルのデプロイメントだけをエクスポートします。</translation>
        </message>
        <message>
            <source>arn</source>
            <translation>ARN</translation>
        </message>
        <message>
            <source>Export only deployments created after &lt;time&gt;: RFC 3339, e.g. 2025-07-01T12:00:00Z; a time without a zone, or a bare date, is UTC.</source>
            <translation>&lt;時刻&gt; より後に作成されたデプロイメントだけをエクスポートします: RFC 3339 (例: 2025-07-01T12:00:00Z)。タイムゾーンのない時刻や日付だけの場合は UTC です。</translation>
        </message>
        <message>
            <source>time</source>
            <translation>時刻</translation>
        </message>
        <message>
            <source>Export only deployments created before &lt;time&gt; (same forms as --created-after).</source>
            <translation>&lt;時刻&gt; より前に作成されたデプロイメントだけをエクスポートします (形式は --created-after と同じ)。</translation>
        </message>
        <message>
            <source>Order by creation time: Ascending or Descending (any case; the service's default is Descending).</source>
            <translation>作成日時で並べ替えます: Ascending または Descending (大文字小文字は区別しません。サービスの既定値は Descending)。</translation>
        </message>
        <message>
            <source>order</source>
            <translation>順序</translation>
        </message>
        <message>
            <source>Deployments fetched per request, 1 to 1000 (default: 1000).</source>
            <translation>1 回のリクエストで取得するデプロイメント数。1〜1000 (既定値: 1000)。</translation>
        </message>
        <message>
            <source>count</source>
            <translation>件数</translation>
        </message>
        <message>
            <source>Start the CSV with a UTF-8 byte order mark (for spreadsheet programs that need one to read UTF-8).</source>
            <translation>CSV の先頭に UTF-8 のバイトオーダーマークを付けます (UTF-8 を読むのに必要な表計算ソフト向け)。</translation>
        </message>
        <message>
            <source>Write cells that start with =, +, -, @, tab or CR as they are. By default they get a leading ' so that a spreadsheet does not run them as formulas.</source>
            <translation>=、+、-、@、タブ、CR で始まるセルをそのまま書き出します。既定では、表計算ソフトが数式として実行しないよう先頭に ' を付けます。</translation>
        </message>
        <message>
            <source>--mfa-code: give the 6 digits your MFA device shows.</source>
            <translation>--mfa-code: MFA デバイスに表示される 6 桁を指定してください。</translation>
        </message>
        <message>
            <source>--profile: give the name of a profile.</source>
            <translation>--profile: プロファイル名を指定してください。</translation>
        </message>
        <message>
            <source>--region: '%1' is not a region name; use e.g. us-east-1 or us-west-2 (lower case).</source>
            <translation>--region: '%1' はリージョン名ではありません。us-east-1 や us-west-2 (小文字) などを使ってください。</translation>
        </message>
        <message>
            <source>--endpoint-url: '%1' is not a URL; give one such as https://bedrock.us-east-1.amazonaws.com or http://127.0.0.1:4566.</source>
            <translation>--endpoint-url: '%1' は URL ではありません。https://bedrock.us-east-1.amazonaws.com や http://127.0.0.1:4566 などを指定してください。</translation>
        </message>
        <message>
            <source>--endpoint-url: '%1' cannot be used. %2</source>
            <translation>--endpoint-url: '%1' は使用できません。%2</translation>
        </message>
        <message>
            <source>%1 is only used with --export &lt;file&gt;.</source>
            <translation>%1 は --export &lt;ファイル&gt; と一緒にのみ使います。</translation>
        </message>
        <message>
            <source>--export: give a file name, or - for standard output.</source>
            <translation>--export: ファイル名、または標準出力を表す - を指定してください。</translation>
        </message>
        <message>
            <source>%1: '%2' is not a status; use Creating, Active or Failed.</source>
            <translation>%1: '%2' はステータスではありません。Creating、Active、Failed のいずれかを使ってください。</translation>
        </message>
        <message>
            <source>%1: '%2' cannot be part of a deployment name; use 1 to 63 letters, digits, - and _.</source>
            <translation>%1: '%2' はデプロイメント名に使えません。1〜63 文字の英字、数字、- と _ を使ってください。</translation>
        </message>
        <message>
            <source>%1: '%2' is not a custom model ARN; use arn:aws:bedrock:REGION:ACCOUNT:custom-model/MODEL/ID.</source>
            <translation>%1: '%2' はカスタムモデルの ARN ではありません。arn:aws:bedrock:REGION:ACCOUNT:custom-model/MODEL/ID の形式を使ってください。</translation>
        </message>
        <message>
            <source>--created-after (%1) is later than --created-before (%2): no deployment can match.</source>
            <translation>--created-after (%1) が --created-before (%2) より後です。一致するデプロイメントはありません。</translation>
        </message>
        <message>
            <source>%1: '%2' is not a sort order; use Ascending or Descending.</source>
            <translation>%1: '%2' は並び順ではありません。Ascending または Descending を使ってください。</translation>
        </message>
        <message>
            <source>%1: '%2' is not a page size; use a whole number from 1 to 1000.</source>
            <translation>%1: '%2' はページサイズではありません。1〜1000 の整数を使ってください。</translation>
        </message>
        <message>
            <source>Unexpected argument '%1'.</source>
            <translation>予期しない引数 '%1' です。</translation>
        </message>
        <message>
            <source>Use the named profile of the AWS config and credentials files. Repeatable: every profile is shown, in every --region given (or in its own region).</source>
            <translation>AWS の config ファイルと credentials ファイルの指定したプロファイルを使います。繰り返し指定可能: 各プロファイルを、指定したすべての --region（指定がなければそのプロファイル自身のリージョン）で表示します。</translation>
        </message>
        <message>
            <source>AWS region to use, e.g. us-east-1 (default: the profile's region). Repeatable: every region is shown, for every --profile given.</source>
            <translation>使用する AWS リージョン（例: us-east-1、既定: プロファイルのリージョン）。繰り返し指定可能: 各リージョンを、指定したすべての --profile について表示します。</translation>
        </message>
    </context>
    <context>
        <name>HeadlessExport</name>
        <message>
            <source>profile %1 needs an MFA code (mfa_serial %2): pass --mfa-code</source>
            <translation>プロファイル %1 には MFA コード (mfa_serial %2) が必要です: --mfa-code を指定してください</translation>
        </message>
    </context>
    <context>
        <name>LifecycleErrors</name>
        <message>
            <source>The service said: %1</source>
            <translation>サービスからのメッセージ: %1</translation>
        </message>
        <message>
            <source>(request id %1)</source>
            <translation>(リクエスト ID %1)</translation>
        </message>
        <message>
            <source>It is being created or updated; try again when it is Active or Failed.</source>
            <translation>作成中または更新中です。Active または Failed になってから再試行してください。</translation>
        </message>
        <message>
            <source>The deployment is busy with another change; try again when it has finished.</source>
            <translation>デプロイメントは別の変更を処理中です。完了してから再試行してください。</translation>
        </message>
        <message>
            <source>It no longer exists (it may have been deleted already).</source>
            <translation>もう存在しません (すでに削除された可能性があります)。</translation>
        </message>
        <message>
            <source>The custom model was not found in this account and region.</source>
            <translation>このアカウントとリージョンにカスタムモデルが見つかりません。</translation>
        </message>
        <message>
            <source>The deployment no longer exists.</source>
            <translation>デプロイメントはもう存在しません。</translation>
        </message>
        <message>
            <source>The account has as many custom model deployments as its quota allows; delete one or request an increase in the Service Quotas console.</source>
            <translation>アカウントのカスタムモデルのデプロイメント数がクォータの上限に達しています。いずれかを削除するか、Service Quotas コンソールで引き上げを申請してください。</translation>
        </message>
        <message>
            <source>A deployment can have at most 50 tags; remove some first.</source>
            <translation>デプロイメントに付けられるタグは最大 50 個です。先にいくつか削除してください。</translation>
        </message>
        <message>
            <source>The service rejected the request (a deployment with this name may exist already, or the model is not Active).</source>
            <translation>サービスがリクエストを拒否しました (この名前のデプロイメントがすでにあるか、モデルが Active ではない可能性があります)。</translation>
        </message>
    </context>
    <context>
        <name>LocalTimeFormatter</name>
        <message>
            <source>just now</source>
            <translation>たった今</translation>
        </message>
        <message numerus="yes">
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n か月</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n year(s)</source>
            <translation>
                <numerusform>%n 年</numerusform>
            </translation>
        </message>
        <message>
            <source>in %1</source>
            <comment>relative time in the future</comment>
            <translation>%1後</translation>
        </message>
        <message>
            <source>%1 ago</source>
            <comment>relative age</comment>
            <translation>%1前</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n 分</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n 時間</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n 日</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MultiSourcePager</name>
        <message>
            <source>No connection to %1.</source>
            <translation>%1 に接続できません。</translation>
        </message>
    </context>
    <context>
        <name>NetworkPolicy</name>
        <message>
            <source>The endpoint "%1" is not a valid URL.</source>
            <translation>エンドポイント「%1」は有効な URL ではありません。</translation>
        </message>
        <message>
            <source>The endpoint %1 uses plain http://, which would send credentials unencrypted; use https://, or http:// only for a loopback address (127.0.0.1, ::1, localhost).</source>
            <translation>エンドポイント %1 は平文の http:// を使っており、認証情報が暗号化されずに送信されます。https:// を使うか、http:// はループバックアドレス (127.0.0.1、::1、localhost) のみに使ってください。</translation>
        </message>
        <message>
            <source>The endpoint %1 has the scheme "%2"; only https:// (and http:// on loopback) is allowed.</source>
            <translation>エンドポイント %1 のスキームは「%2」です。使えるのは https:// (とループバックでの http://) だけです。</translation>
        </message>
        <message>
            <source>The server answered with a redirect (HTTP %1) without a Location; Outcrop does not follow redirects.</source>
            <translation>サーバーが Location なしのリダイレクト (HTTP %1) を返しました。Outcrop はリダイレクトに従いません。</translation>
        </message>
        <message>
            <source>The server redirected to %1 (HTTP %2); Outcrop does not follow redirects, so that credentials never go to another host. Check the endpoint URL.</source>
            <translation>サーバーが %1 にリダイレクトしました (HTTP %2)。認証情報が別のホストに送られないよう、Outcrop はリダイレクトに従いません。エンドポイント URL を確認してください。</translation>
        </message>
        <message>
            <source>Cannot read the CA bundle %1: %2</source>
            <translation>CA バンドル %1 を読み込めません: %2</translation>
        </message>
        <message>
            <source>The CA bundle %1 holds no PEM certificate.</source>
            <translation>CA バンドル %1 に PEM 証明書がありません。</translation>
        </message>
    </context>
    <context>
        <name>QueryProtocol</name>
        <message>
            <source>the XML is malformed at line %1, column %2</source>
            <translation>XML の %1 行 %2 列目が不正です</translation>
        </message>
        <message>
            <source>the reply is empty</source>
            <translation>応答が空です</translation>
        </message>
    </context>
    <context>
        <name>RegionResolver</name>
        <message>
            <source>No AWS region is set. Pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or add “region = …” to profile %1 in %2.</source>
            <translation>AWS リージョンが設定されていません。--region を指定するか、AWS_REGION または AWS_DEFAULT_REGION を設定するか、%2 のプロファイル %1 に「region = …」を追加してください。</translation>
        </message>
        <message>
            <source>Region not accepted: region="%1" is not a valid hostname component (from %2).</source>
            <extracomment>%2 says where the region was set: --region, AWS_REGION or "profile NAME in FILE".</extracomment>
            <translation>リージョンを受け付けられません: region="%1" はホスト名の要素として無効です (%2 から)。</translation>
        </message>
    </context>
    <context>
        <name>ShellWords</name>
        <message>
            <source>No escaped character</source>
            <translation>バックスラッシュの後に文字がありません</translation>
        </message>
        <message>
            <source>No closing quotation</source>
            <translation>閉じ引用符がありません</translation>
        </message>
    </context>
    <context>
        <name>SsoCredentials</name>
        <message>
            <source> (request id %1)</source>
            <translation> (リクエスト ID %1)</translation>
        </message>
        <message>
            <source>Profile %1 uses sso_session %2, but %3 has no [sso-session %2] section.</source>
            <translation>プロファイル %1 は sso_session %2 を使っていますが、%3 に [sso-session %2] セクションがありません。</translation>
        </message>
        <message>
            <source>[sso-session %1] in %2 has no %3.</source>
            <translation>%2 の [sso-session %1] に %3 がありません。</translation>
        </message>
        <message>
            <source>Profile %1 and [sso-session %2] in %3 set different values for %4.</source>
            <translation>%3 のプロファイル %1 と [sso-session %2] が %4 に異なる値を設定しています。</translation>
        </message>
        <message>
            <source>Profile %1 in %2 uses IAM Identity Center (SSO) but lacks %3. It needs sso_account_id and sso_role_name, and sso_session (or the older sso_start_url and sso_region).</source>
            <translation>%2 のプロファイル %1 は IAM Identity Center (SSO) を使っていますが、%3 がありません。sso_account_id と sso_role_name、および sso_session (または以前の sso_start_url と sso_region) が必要です。</translation>
        </message>
        <message>
            <source>IAM Identity Center endpoint of profile %1: %2</source>
            <translation>プロファイル %1 の IAM Identity Center エンドポイント: %2</translation>
        </message>
        <message>
            <source>%1 Run “%2” to sign in to IAM Identity Center again, then retry.</source>
            <translation>%1 「%2」を実行して IAM Identity Center に再度サインインしてから、やり直してください。</translation>
        </message>
        <message>
            <source>Profile %1 has no usable IAM Identity Center (SSO) sign-in: %2.</source>
            <translation>プロファイル %1 には使用できる IAM Identity Center (SSO) のサインインがありません: %2。</translation>
        </message>
        <message>
            <source>The IAM Identity Center (SSO) sign-in of profile %1 expired at %2.</source>
            <translation>プロファイル %1 の IAM Identity Center (SSO) のサインインは %2 に期限切れになりました。</translation>
        </message>
        <message>
            <source>no accessToken or expiresIn</source>
            <translation>accessToken または expiresIn がありません</translation>
        </message>
        <message>
            <source>Refreshing the IAM Identity Center (SSO) sign-in of profile %1 failed: %2</source>
            <translation>プロファイル %1 の IAM Identity Center (SSO) のサインインを更新できませんでした: %2</translation>
        </message>
        <message>
            <source>The IAM Identity Center (SSO) sign-in of profile %1 expired at %2 and could not be refreshed (%3).</source>
            <translation>プロファイル %1 の IAM Identity Center (SSO) のサインインは %2 に期限切れになり、更新できませんでした (%3)。</translation>
        </message>
        <message>
            <source>roleCredentials has no %1</source>
            <translation>roleCredentials に %1 がありません</translation>
        </message>
        <message>
            <source>roleCredentials has no expiration</source>
            <translation>roleCredentials に expiration がありません</translation>
        </message>
        <message>
            <source>role %1 in account %2</source>
            <translation>アカウント %2 のロール %1</translation>
        </message>
        <message>
            <source>IAM Identity Center rejected the sign-in of profile %1 (%2).</source>
            <translation>IAM Identity Center がプロファイル %1 のサインインを拒否しました (%2)。</translation>
        </message>
        <message>
            <source>IAM Identity Center gave no credentials for %1 (profile %2): %3</source>
            <translation>IAM Identity Center から %1 の認証情報を得られませんでした (プロファイル %2): %3</translation>
        </message>
        <message>
            <source>IAM Identity Center, %1 (profile %2)</source>
            <translation>IAM Identity Center、%1 (プロファイル %2)</translation>
        </message>
    </context>
    <context>
        <name>SsoTokenCache</name>
        <message>
            <source>%1: no such file</source>
            <translation>%1: ファイルがありません</translation>
        </message>
        <message>
            <source>%1: cannot be read (%2)</source>
            <translation>%1: 読み取れません (%2)</translation>
        </message>
        <message>
            <source>%1: not valid JSON (%2 at offset %3)</source>
            <translation>%1: 有効な JSON ではありません (位置 %3 で %2)</translation>
        </message>
        <message>
            <source>%1: not a JSON object</source>
            <translation>%1: JSON オブジェクトではありません</translation>
        </message>
        <message>
            <source>%1: the field “%2” is missing</source>
            <translation>%1: フィールド「%2」がありません</translation>
        </message>
        <message>
            <source>%1: the field “%2” is not a non-empty string</source>
            <translation>%1: フィールド「%2」が文字列でないか、空です</translation>
        </message>
        <message>
            <source>%1: the field “%2” is not an ISO 8601 UTC time (“%3”)</source>
            <translation>%1: フィールド「%2」が ISO 8601 形式の UTC 時刻ではありません (「%3」)</translation>
        </message>
        <message>
            <source>%1: cannot create the folder</source>
            <translation>%1: フォルダーを作成できません</translation>
        </message>
        <message>
            <source>%1: cannot be written (%2)</source>
            <translation>%1: 書き込めません (%2)</translation>
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
            <translation>&lt;%1&gt; を期待しましたが &lt;%2&gt; でした</translation>
        </message>
        <message>
            <source>%1 has no %2</source>
            <translation>%1 に %2 がありません</translation>
        </message>
        <message>
            <source>the Expiration "%1" is not an ISO 8601 time</source>
            <translation>Expiration "%1" が ISO 8601 形式の時刻ではありません</translation>
        </message>
    </context>
    <context>
        <name>TransitionNotice</name>
        <message>
            <source>account %1</source>
            <translation>アカウント %1</translation>
        </message>
        <message>
            <source>%1 · account %2</source>
            <translation>%1 · アカウント %2</translation>
        </message>
        <message>
            <source>Deployment %1 failed</source>
            <translation>デプロイメント %1 が失敗しました</translation>
        </message>
        <message>
            <source>The service gave no failure reason.</source>
            <translation>サービスは失敗の理由を返しませんでした。</translation>
        </message>
        <message>
            <source>Deployment %1 is Active</source>
            <translation>デプロイメント %1 が Active になりました</translation>
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
                <numerusform>ほか %Ln 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln Active</source>
            <translation>
                <numerusform>Active %Ln 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln Failed</source>
            <translation>
                <numerusform>Failed %Ln 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln deployments changed</source>
            <translation>
                <numerusform>%Ln 件のデプロイメントが変化しました</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %Ln regions</source>
            <translation>
                <numerusform>%Ln 個のリージョン</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln accounts</source>
            <translation>
                <numerusform>%Ln 個のアカウント</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>outcrop::app::DashboardConnection</name>
        <message>
            <source>Choose a region</source>
            <translation>リージョンの選択</translation>
        </message>
        <message>
            <source>No AWS region is configured for this profile.
Which region should Outcrop show?</source>
            <translation>このプロファイルには AWS リージョンが設定されていません。
Outcrop でどのリージョンを表示しますか?</translation>
        </message>
        <message>
            <source>No region chosen: start Outcrop with --region, or set AWS_REGION.</source>
            <translation>リージョンが選ばれていません。--region を付けて Outcrop を起動するか、AWS_REGION を設定してください。</translation>
        </message>
        <message>
            <source>The window is gone.</source>
            <translation>ウィンドウが閉じられました。</translation>
        </message>
        <message>
            <source>MFA code</source>
            <translation>MFA コード</translation>
        </message>
        <message>
            <source>Profile %1 assumes the role %2, which needs a code from the MFA device %3.
Enter the current code:</source>
            <translation>プロファイル %1 はロール %2 を引き受けます。このロールには MFA デバイス %3 のコードが必要です。
現在のコードを入力してください:</translation>
        </message>
        <message>
            <source>No MFA code was entered.</source>
            <translation>MFA コードが入力されませんでした。</translation>
        </message>
    </context>
    <context>
        <name>outcrop::app::DemoMode</name>
        <message>
            <source>the demo simulator</source>
            <translation>デモ用シミュレーター</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ChangeModelDialog</name>
        <message>
            <source>Change Model</source>
            <translation>モデルの変更</translation>
        </message>
        <message>
            <source>The deployment keeps its name and ARN and serves the new model once the update completes; until then it serves the current one.</source>
            <translation>デプロイメントの名前と ARN はそのままで、更新が完了すると新しいモデルを提供します。それまでは現在のモデルを提供します。</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>デプロイメント</translation>
        </message>
        <message>
            <source>Deployment:</source>
            <translation>デプロイメント:</translation>
        </message>
        <message>
            <source>Current model</source>
            <translation>現在のモデル</translation>
        </message>
        <message>
            <source>Current model:</source>
            <translation>現在のモデル:</translation>
        </message>
        <message>
            <source>Choose a model or paste a custom model ARN</source>
            <translation>モデルを選ぶか、カスタムモデルの ARN を貼り付けてください</translation>
        </message>
        <message>
            <source>New model</source>
            <translation>新しいモデル</translation>
        </message>
        <message>
            <source>&amp;New model:</source>
            <translation>新しいモデル(&amp;N):</translation>
        </message>
        <message>
            <source>One of the account's custom models, or its ARN</source>
            <translation>アカウントのカスタムモデルのいずれか、またはその ARN</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>メッセージ</translation>
        </message>
        <message>
            <source>C&amp;hange Model</source>
            <translation>モデルを変更(&amp;H)</translation>
        </message>
        <message>
            <source>Not one of the account's custom models, and not a custom model ARN: %1</source>
            <translation>アカウントのカスタムモデルでも、カスタムモデルの ARN でもありません: %1</translation>
        </message>
        <message>
            <source>The deployment serves this model already.</source>
            <translation>デプロイメントはすでにこのモデルを提供しています。</translation>
        </message>
        <message>
            <source>Choose the new custom model.</source>
            <translation>新しいカスタムモデルを選んでください。</translation>
        </message>
        <message>
            <source>Changing the model…</source>
            <translation>モデルを変更しています…</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ConnectionBar</name>
        <message>
            <source>&amp;Profile:</source>
            <translation>プロファイル(&amp;P):</translation>
        </message>
        <message>
            <source>The AWS profile whose credentials Outcrop uses</source>
            <translation>Outcrop が認証情報を使う AWS プロファイル</translation>
        </message>
        <message>
            <source>&amp;Region:</source>
            <translation>リージョン(&amp;R):</translation>
        </message>
        <message>
            <source>The AWS region to list deployments from</source>
            <translation>デプロイメントを一覧表示する AWS リージョン</translation>
        </message>
        <message>
            <source>%1 (keychain)</source>
            <translation>%1 (キーリング)</translation>
        </message>
        <message>
            <source>Account %1</source>
            <translation>アカウント %1</translation>
        </message>
        <message>
            <source>&amp;Sources:</source>
            <translation>ソース(&amp;S):</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>ソース</translation>
        </message>
        <message numerus="yes">
            <source>%n source(s)</source>
            <translation>
                <numerusform>%n 個のソース</numerusform>
            </translation>
        </message>
        <message>
            <source>Shown together:</source>
            <extracomment>Tooltip of the tool bar's sources button; the sources follow, one a line</extracomment>
            <translation>まとめて表示中:</translation>
        </message>
        <message>
            <source>&amp;Choose Sources…</source>
            <translation>ソースを選択(&amp;C)…</translation>
        </message>
        <message>
            <source>Show Only</source>
            <translation>単独で表示</translation>
        </message>
        <message>
            <source>Show %1 alone, with the profile and region switchers</source>
            <extracomment>%1 is a source such as "prod · us-west-2"</extracomment>
            <translation>%1 だけを表示します (プロファイルとリージョンの切り替えに戻ります)</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::CreateDeploymentDialog</name>
        <message>
            <source>&amp;Create</source>
            <comment>deployment</comment>
            <translation>作成(&amp;C)</translation>
        </message>
        <message>
            <source>Choose a model or paste a custom model ARN</source>
            <translation>モデルを選ぶか、カスタムモデルの ARN を貼り付けてください</translation>
        </message>
        <message>
            <source>Custom model</source>
            <translation>カスタムモデル</translation>
        </message>
        <message>
            <source>Add a tag</source>
            <translation>タグを追加</translation>
        </message>
        <message>
            <source>Remove the selected tags</source>
            <translation>選択したタグを削除</translation>
        </message>
        <message>
            <source>1 to 63 letters and digits; '-' or '_' may follow a letter or digit</source>
            <translation>英数字 1～63 文字。英数字の後には '-' または '_' を使えます</translation>
        </message>
        <message>
            <source>One of the account's custom models (it must be Active), or its ARN</source>
            <translation>アカウントのカスタムモデル (Active であること) のいずれか、またはその ARN</translation>
        </message>
        <message>
            <source>Optional, up to 2048 characters</source>
            <translation>省略可、最大 2048 文字</translation>
        </message>
        <message>
            <source>Tag %1 has a value but no key.</source>
            <translation>タグ %1 に値はありますが、キーがありません。</translation>
        </message>
        <message>
            <source>A deployment can have at most %1 tags.</source>
            <translation>デプロイメントに付けられるタグは最大 %1 個です。</translation>
        </message>
        <message>
            <source>A deployment with this name exists.</source>
            <translation>この名前のデプロイメントはすでにあります。</translation>
        </message>
        <message>
            <source>Not one of the account's custom models, and not a custom model ARN: %1</source>
            <translation>アカウントのカスタムモデルでも、カスタムモデルの ARN でもありません: %1</translation>
        </message>
        <message>
            <source>Enter a name for the deployment.</source>
            <translation>デプロイメントの名前を入力してください。</translation>
        </message>
        <message>
            <source>Choose the custom model to deploy.</source>
            <translation>デプロイするカスタムモデルを選んでください。</translation>
        </message>
        <message>
            <source>Creating…</source>
            <translation>作成しています…</translation>
        </message>
        <message>
            <source>&amp;Try Again</source>
            <translation>再試行(&amp;T)</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::CredentialsDialog</name>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>削除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the profile's credentials</source>
            <translation>プロファイルの認証情報を削除します</translation>
        </message>
        <message>
            <source>A name for these credentials, chosen in the profile switcher</source>
            <translation>この認証情報の名前。プロファイルの切り替えで選びます</translation>
        </message>
        <message>
            <source>The access key ID, like AKIAIOSFODNN7EXAMPLE</source>
            <translation>アクセスキー ID (例: AKIAIOSFODNN7EXAMPLE)</translation>
        </message>
        <message>
            <source>The secret access key of the key pair</source>
            <translation>キーペアのシークレットアクセスキー</translation>
        </message>
        <message>
            <source>Only for temporary credentials (access key IDs starting with ASIA)</source>
            <translation>一時的な認証情報 (ASIA で始まるアクセスキー ID) の場合のみ</translation>
        </message>
        <message>
            <source>A Bedrock API key (sent as a bearer token)</source>
            <translation>Bedrock API キー (ベアラートークンとして送信)</translation>
        </message>
        <message>
            <source>Checking the system keyring…</source>
            <translation>システムのキーリングを確認中…</translation>
        </message>
        <message>
            <source>Type a name for a new profile, or choose one.</source>
            <translation>新しいプロファイルの名前を入力するか、既存のものを選んでください。</translation>
        </message>
        <message>
            <source>“%1” is a new profile.</source>
            <translation>「%1」は新しいプロファイルです。</translation>
        </message>
        <message>
            <source>a Bedrock API key</source>
            <translation>Bedrock API キー</translation>
        </message>
        <message>
            <source>an access key pair</source>
            <translation>アクセスキーペア</translation>
        </message>
        <message>
            <source>“%1” has %2 for this session only; what you enter replaces it.</source>
            <translation>「%1」にはこのセッション限りの%2があります。入力した内容で置き換えます。</translation>
        </message>
        <message>
            <source>“%1” has %2 in the system keyring; what you enter replaces it.</source>
            <translation>「%1」にはシステムのキーリングに%2があります。入力した内容で置き換えます。</translation>
        </message>
        <message>
            <source>Saved in the system keyring.</source>
            <translation>システムのキーリングに保存しました。</translation>
        </message>
        <message>
            <source>The system keyring is locked</source>
            <translation>システムのキーリングがロックされています</translation>
        </message>
        <message>
            <source>Access to the system keyring was denied</source>
            <translation>システムのキーリングへのアクセスが拒否されました</translation>
        </message>
        <message>
            <source>No keyring is available</source>
            <translation>使用できるキーリングがありません</translation>
        </message>
        <message>
            <source>%1: these credentials will be used for this session only and not saved.</source>
            <translation>%1: この認証情報はこのセッションでのみ使用され、保存されません。</translation>
        </message>
        <message>
            <source>&amp;Use for This Session</source>
            <translation>このセッションで使用(&amp;U)</translation>
        </message>
        <message>
            <source>Enter the %1.</source>
            <translation>%1を入力してください。</translation>
        </message>
        <message>
            <source>The %1 contains a space or line break: copy it again without them.</source>
            <translation>%1に空白または改行が含まれています。それらを含めずにもう一度コピーしてください。</translation>
        </message>
        <message>
            <source>Enter the access key ID.</source>
            <translation>アクセスキー ID を入力してください。</translation>
        </message>
        <message>
            <source>The access key ID must be 16 to 128 capital letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
            <translation>アクセスキー ID は 16〜128 文字の英大文字と数字です (例: AKIAIOSFODNN7EXAMPLE)。</translation>
        </message>
        <message>
            <source>secret access key</source>
            <translation>シークレットアクセスキー</translation>
        </message>
        <message>
            <source>session token</source>
            <translation>セッショントークン</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API キー</translation>
        </message>
        <message>
            <source>“%1” will be used until Outcrop quits; nothing was saved.</source>
            <translation>「%1」は Outcrop を終了するまで使用されます。何も保存されていません。</translation>
        </message>
        <message>
            <source>Saving “%1” in the system keyring…</source>
            <translation>「%1」をシステムのキーリングに保存中…</translation>
        </message>
        <message>
            <source>Saved “%1” in the system keyring.</source>
            <translation>「%1」をシステムのキーリングに保存しました。</translation>
        </message>
        <message>
            <source>Nothing was saved. Choose “Use for This Session” to use these credentials until Outcrop quits.</source>
            <translation>何も保存されていません。Outcrop を終了するまでこの認証情報を使うには「このセッションで使用」を選んでください。</translation>
        </message>
        <message>
            <source>Removed “%1”.</source>
            <translation>「%1」を削除しました。</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::DeleteDeploymentsDialog</name>
        <message>
            <source>Delete Deployment</source>
            <translation>デプロイメントの削除</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n Deployment(s)</source>
            <translation>
                <numerusform>%n 個のデプロイメントの削除</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete the deployment “%1”? This cannot be undone: applications that invoke its ARN will fail.</source>
            <translation>デプロイメント「%1」を削除しますか? 元に戻せません。その ARN を呼び出すアプリケーションは失敗するようになります。</translation>
        </message>
        <message numerus="yes">
            <source>Delete these %n deployment(s)? This cannot be undone: applications that invoke their ARNs will fail.</source>
            <translation>
                <numerusform>これら %n 個のデプロイメントを削除しますか? 元に戻せません。それらの ARN を呼び出すアプリケーションは失敗するようになります。</numerusform>
            </translation>
        </message>
        <message>
            <source>Deployments to delete</source>
            <translation>削除するデプロイメント</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… ほか %n 個</numerusform>
            </translation>
        </message>
        <message>
            <source>To confirm, type the deployment's name (%1):</source>
            <translation>確認のため、デプロイメントの名前 (%1) を入力してください:</translation>
        </message>
        <message>
            <source>To confirm, type the number of deployments (%1):</source>
            <translation>確認のため、デプロイメントの数 (%1) を入力してください:</translation>
        </message>
        <message>
            <source>Name of the deployment to delete</source>
            <translation>削除するデプロイメントの名前</translation>
        </message>
        <message>
            <source>Number of deployments to delete</source>
            <translation>削除するデプロイメントの数</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>進行状況</translation>
        </message>
        <message>
            <source>What was deleted and what failed</source>
            <translation>削除されたものと失敗したもの</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Delete %n</source>
            <translation>
                <numerusform>%n 個を削除(&amp;D)</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>Stopping after the deletion in flight…</source>
            <translation>実行中の削除の後で停止します…</translation>
        </message>
        <message>
            <source>Deleting… %1 of %2 done</source>
            <translation>削除しています… %2 個中 %1 個完了</translation>
        </message>
        <message>
            <source>• %1: %2</source>
            <translation>• %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>Deleting (%n):</source>
            <comment>deployments whose deletion the service accepted</comment>
            <translation>
                <numerusform>削除中 (%n):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not deleted (%n):</source>
            <translation>
                <numerusform>削除されなかったもの (%n):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not attempted: %n</source>
            <translation>
                <numerusform>未実行: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The service is deleting %n deployment(s); they leave the list when it is done.</source>
            <translation>
                <numerusform>サービスが %n 個のデプロイメントを削除しています。完了すると一覧から消えます。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 could not be deleted.</source>
            <translation>%2 個中 %1 個を削除できませんでした。</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::DeploymentActions</name>
        <message>
            <source>Copy &amp;Name</source>
            <translation>名前をコピー(&amp;N)</translation>
        </message>
        <message>
            <source>Copy the deployment's name</source>
            <translation>デプロイメントの名前をコピーします</translation>
        </message>
        <message>
            <source>Copy &amp;ARN</source>
            <translation>ARN をコピー(&amp;A)</translation>
        </message>
        <message>
            <source>Copy the deployment's ARN (the model id for inference)</source>
            <translation>デプロイメントの ARN (推論用のモデル ID) をコピーします</translation>
        </message>
        <message>
            <source>Copy &amp;Model ARN</source>
            <translation>モデル ARN をコピー(&amp;M)</translation>
        </message>
        <message>
            <source>Copy the ARN of the custom model it serves</source>
            <translation>提供しているカスタムモデルの ARN をコピーします</translation>
        </message>
        <message>
            <source>Copy AWS &amp;CLI Command</source>
            <translation>AWS CLI コマンドをコピー(&amp;C)</translation>
        </message>
        <message>
            <source>Copy the 'aws bedrock get-custom-model-deployment' command for it</source>
            <translation>このデプロイメントの 'aws bedrock get-custom-model-deployment' コマンドをコピーします</translation>
        </message>
        <message>
            <source>Copy &amp;List Command</source>
            <translation>一覧コマンドをコピー(&amp;L)</translation>
        </message>
        <message>
            <source>Copy the 'aws bedrock list-custom-model-deployments' command with the current filters</source>
            <translation>現在のフィルター付きの 'aws bedrock list-custom-model-deployments' コマンドをコピーします</translation>
        </message>
        <message>
            <source>Copy &amp;Invoke Snippet</source>
            <translation>呼び出しスニペットをコピー(&amp;I)</translation>
        </message>
        <message>
            <source>Copy an 'aws bedrock-runtime converse' command that calls it</source>
            <translation>このデプロイメントを呼び出す 'aws bedrock-runtime converse' コマンドをコピーします</translation>
        </message>
        <message>
            <source>&amp;Open in AWS Console</source>
            <translation>AWS コンソールで開く(&amp;O)</translation>
        </message>
        <message>
            <source>Open the Bedrock console for its region</source>
            <translation>そのリージョンの Bedrock コンソールを開きます</translation>
        </message>
        <message>
            <source>Copied the name</source>
            <translation>名前をコピーしました</translation>
        </message>
        <message>
            <source>Copied the ARN</source>
            <translation>ARN をコピーしました</translation>
        </message>
        <message>
            <source>Copied the model ARN</source>
            <translation>モデル ARN をコピーしました</translation>
        </message>
        <message>
            <source>Copied the AWS CLI command</source>
            <translation>AWS CLI コマンドをコピーしました</translation>
        </message>
        <message>
            <source>Copied the list command</source>
            <translation>一覧コマンドをコピーしました</translation>
        </message>
        <message>
            <source>Copied the invoke snippet</source>
            <translation>呼び出しスニペットをコピーしました</translation>
        </message>
        <message>
            <source>Nothing to copy</source>
            <translation>コピーするものがありません</translation>
        </message>
        <message>
            <source>There is no AWS console known for the region %1</source>
            <translation>リージョン %1 の AWS コンソールは不明です</translation>
        </message>
        <message>
            <source>Could not open a web browser for %1</source>
            <translation>%1 を開くウェブブラウザーを起動できませんでした</translation>
        </message>
        <message>
            <source>Opened the Bedrock console for %1</source>
            <translation>%1 の Bedrock コンソールを開きました</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::DeploymentDetailPane</name>
        <message>
            <source>Loading details…</source>
            <translation>詳細を読み込み中…</translation>
        </message>
        <message>
            <source>Deployment details</source>
            <translation>デプロイメントの詳細</translation>
        </message>
        <message>
            <source>Select a deployment to see its details</source>
            <translation>詳細を見るにはデプロイメントを選択してください</translation>
        </message>
        <message>
            <source>Deployment name</source>
            <translation>デプロイメント名</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>読み込み中</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>Fetch the deployment's details again</source>
            <translation>デプロイメントの詳細を再取得します</translation>
        </message>
        <message>
            <source>Refresh details</source>
            <translation>詳細を更新</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>エラー</translation>
        </message>
        <message>
            <source>Error message</source>
            <translation>エラーメッセージ</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名前:</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>ステータス:</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>ステータス</translation>
        </message>
        <message>
            <source>ARN:</source>
            <translation>ARN:</translation>
        </message>
        <message>
            <source>Deployment ARN</source>
            <translation>デプロイメント ARN</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>説明:</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>説明</translation>
        </message>
        <message>
            <source>Model:</source>
            <translation>モデル:</translation>
        </message>
        <message>
            <source>Model name</source>
            <translation>モデル名</translation>
        </message>
        <message>
            <source>Model ARN:</source>
            <translation>モデル ARN:</translation>
        </message>
        <message>
            <source>Model ARN</source>
            <translation>モデル ARN</translation>
        </message>
        <message>
            <source>Update:</source>
            <translation>更新:</translation>
        </message>
        <message>
            <source>Update status</source>
            <translation>更新ステータス</translation>
        </message>
        <message>
            <source>Update target:</source>
            <translation>更新先:</translation>
        </message>
        <message>
            <source>Update target model ARN</source>
            <translation>更新先のモデル ARN</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>作成日時:</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>作成日時</translation>
        </message>
        <message>
            <source>Last updated:</source>
            <translation>最終更新:</translation>
        </message>
        <message>
            <source>Last updated</source>
            <translation>最終更新</translation>
        </message>
        <message>
            <source>Account:</source>
            <translation>アカウント:</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>アカウント</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>リージョン:</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>リージョン</translation>
        </message>
        <message>
            <source>Failure message:</source>
            <translation>失敗メッセージ:</translation>
        </message>
        <message>
            <source>Failure message</source>
            <translation>失敗メッセージ</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>コピー</translation>
        </message>
        <message>
            <source>Copy the request id, to quote it to AWS Support</source>
            <translation>AWS サポートに伝えるためにリクエスト ID をコピーします</translation>
        </message>
        <message>
            <source>Copy request id</source>
            <translation>リクエスト ID をコピー</translation>
        </message>
        <message>
            <source>Request id:</source>
            <translation>リクエスト ID:</translation>
        </message>
        <message>
            <source>Request id of the last call</source>
            <translation>最後の呼び出しのリクエスト ID</translation>
        </message>
        <message>
            <source>The x-amzn-RequestId of the last call, for AWS Support</source>
            <translation>最後の呼び出しの x-amzn-RequestId (AWS サポート用)</translation>
        </message>
        <message>
            <source>No description</source>
            <translation>説明なし</translation>
        </message>
        <message>
            <source>(request id %1)</source>
            <translation>(リクエスト ID %1)</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::DeploymentTableModel</name>
        <message>
            <source>“%1” is a status this version of Outcrop does not know; it is shown as the service sent it.</source>
            <translation>「%1」はこのバージョンの Outcrop が知らないステータスです。サービスから送られたとおりに表示しています。</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>relative age (full local time)</comment>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Name</source>
            <comment>column</comment>
            <translation>名前</translation>
        </message>
        <message>
            <source>Status</source>
            <comment>column</comment>
            <translation>ステータス</translation>
        </message>
        <message>
            <source>Model</source>
            <comment>column</comment>
            <translation>モデル</translation>
        </message>
        <message>
            <source>Created</source>
            <comment>column</comment>
            <translation>作成日時</translation>
        </message>
        <message>
            <source>Last updated</source>
            <comment>column</comment>
            <translation>最終更新</translation>
        </message>
        <message>
            <source>Failure message</source>
            <comment>column</comment>
            <translation>失敗メッセージ</translation>
        </message>
        <message>
            <source>Deployment ARN</source>
            <comment>column</comment>
            <translation>デプロイメント ARN</translation>
        </message>
        <message>
            <source>Sorting by this column is done by the service, across all pages.</source>
            <translation>この列での並べ替えはサービスが全ページにわたって行います。</translation>
        </message>
        <message>
            <source>Sorting by this column sorts the rows loaded so far.</source>
            <translation>この列での並べ替えは読み込み済みの行が対象です。</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <comment>source: message</comment>
            <extracomment>A source (profile · region), then what its service said</extracomment>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Listed from %1</source>
            <translation>%1 から取得</translation>
        </message>
        <message>
            <source>Account</source>
            <comment>column</comment>
            <translation>アカウント</translation>
        </message>
        <message>
            <source>Region</source>
            <comment>column</comment>
            <translation>リージョン</translation>
        </message>
        <message>
            <source>%1 · updating model</source>
            <comment>deployment status while UpdateCustomModelDeployment runs</comment>
            <translation>%1 · モデルを更新中</translation>
        </message>
        <message>
            <source>%1 · update failed</source>
            <comment>deployment status after UpdateCustomModelDeployment failed</comment>
            <translation>%1 · 更新に失敗</translation>
        </message>
        <message>
            <source>Swapping the model to %1</source>
            <translation>モデルを %1 に切り替えています</translation>
        </message>
        <message>
            <source>Swapping the model to %1 failed; the deployment still serves %2</source>
            <translation>モデルの %1 への切り替えに失敗しました。デプロイメントは引き続き %2 を提供しています</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ErrorBanner</name>
        <message>
            <source>Copy IAM action</source>
            <translation>IAM アクションをコピー</translation>
        </message>
        <message>
            <source>Copy request id</source>
            <translation>リクエスト ID をコピー</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>再試行</translation>
        </message>
        <message>
            <source>Copy the IAM action your credentials lack, for your AWS administrator</source>
            <translation>認証情報に不足している IAM アクションを AWS 管理者向けにコピーします</translation>
        </message>
        <message>
            <source>Copy the AWS request id, for a support case</source>
            <translation>サポートケース用に AWS リクエスト ID をコピーします</translation>
        </message>
        <message>
            <source>Close this message</source>
            <translation>このメッセージを閉じます</translation>
        </message>
        <message>
            <source>Close message</source>
            <translation>メッセージを閉じる</translation>
        </message>
        <message>
            <source>Access denied</source>
            <translation>アクセスが拒否されました</translation>
        </message>
        <message>
            <source>Missing IAM permission %1</source>
            <translation>IAM 権限 %1 がありません</translation>
        </message>
        <message>
            <source>Your AWS credentials have expired</source>
            <translation>AWS の認証情報の有効期限が切れました</translation>
        </message>
        <message>
            <source>Sign in to IAM Identity Center again</source>
            <translation>IAM Identity Center に再度サインインしてください</translation>
        </message>
        <message>
            <source>No usable AWS credentials</source>
            <translation>使用できる AWS 認証情報がありません</translation>
        </message>
        <message>
            <source>Check the profile, or sign in with 'aws sso login', then press Retry.</source>
            <translation>プロファイルを確認するか 'aws sso login' でサインインしてから、[再試行] を押してください。</translation>
        </message>
        <message>
            <source>AWS is throttling requests; retrying</source>
            <translation>AWS がリクエストを制限しています。再試行中</translation>
        </message>
        <message>
            <source>Outcrop waits and retries by itself. The rows shown stay as they are.</source>
            <translation>Outcrop は待機して自動的に再試行します。表示中の行はそのままです。</translation>
        </message>
        <message>
            <source>Offline, or AWS is unreachable</source>
            <translation>オフラインか、AWS に接続できません</translation>
        </message>
        <message>
            <source>Check the network connection, VPN or proxy, then press Retry. The rows shown are from the last successful refresh.</source>
            <translation>ネットワーク接続、VPN、プロキシを確認してから [再試行] を押してください。表示中の行は最後に成功した更新のものです。</translation>
        </message>
        <message>
            <source>AWS had a temporary problem</source>
            <translation>AWS で一時的な問題が発生しました</translation>
        </message>
        <message>
            <source>AWS did not accept the credentials</source>
            <translation>AWS が認証情報を受け付けませんでした</translation>
        </message>
        <message>
            <source>The request failed</source>
            <translation>リクエストが失敗しました</translation>
        </message>
        <message>
            <source>%1 failed</source>
            <translation>%1 が失敗しました</translation>
        </message>
        <message>
            <source>Copy command</source>
            <translation>コマンドをコピー</translation>
        </message>
        <message>
            <source>×%1</source>
            <extracomment>How often the same error happened in a row, after the message's headline</extracomment>
            <translation>×%1</translation>
        </message>
        <message>
            <source>Request id: %1</source>
            <translation>リクエスト ID: %1</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>エラー</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>情報</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>コピーしました</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <comment>source: headline</comment>
            <extracomment>A source (profile · region), then the headline of what went wrong there</extracomment>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ExportDialog</name>
        <message>
            <source>File to write</source>
            <translation>書き込むファイル</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>エクスポート(&amp;E)</translation>
        </message>
        <message>
            <source>Export to CSV</source>
            <translation>CSV にエクスポート</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
        </message>
        <message numerus="yes">
            <source>Only the &amp;rows shown (%Ln row(s))</source>
            <translation>
                <numerusform>表示中の行のみ (%Ln 行)(&amp;R)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln deployment(s) written</source>
            <translation>
                <numerusform>%Ln 件のデプロイメントを書き込みました</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln ページ</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Wrote %Ln deployment(s) to %1.</source>
            <translation>
                <numerusform>%Ln 件のデプロイメントを %1 に書き込みました。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::FilterBar</name>
        <message>
            <source>Any name</source>
            <translation>すべての名前</translation>
        </message>
        <message>
            <source>Part of the deployment name: 1 to 63 letters, digits, '-' or '_'.</source>
            <translation>デプロイメント名の一部: 1〜63 文字の英字、数字、'-'、'_'。</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>すべてのステータス</translation>
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
            <translation>すべてのモデル</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <source>One of the account's custom models, or a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).</source>
            <translation>アカウントのカスタムモデル、またはカスタムモデルの ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...)。</translation>
        </message>
        <message>
            <source>Created &amp;after:</source>
            <translation>作成日時 (以降)(&amp;A):</translation>
        </message>
        <message>
            <source>Created after (local time)</source>
            <translation>作成日時 (以降、現地時刻)</translation>
        </message>
        <message>
            <source>Only deployments created after this local time.</source>
            <translation>この現地時刻より後に作成されたデプロイメントのみ。</translation>
        </message>
        <message>
            <source>Created &amp;before:</source>
            <translation>作成日時 (以前)(&amp;B):</translation>
        </message>
        <message>
            <source>Created before (local time)</source>
            <translation>作成日時 (以前、現地時刻)</translation>
        </message>
        <message>
            <source>Only deployments created before this local time.</source>
            <translation>この現地時刻より前に作成されたデプロイメントのみ。</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>新しい順</translation>
        </message>
        <message>
            <source>Oldest first</source>
            <translation>古い順</translation>
        </message>
        <message>
            <source>The service sorts by creation time only; sorting by a column orders the rows loaded so far.</source>
            <translation>サービスは作成日時でのみ並べ替えます。列での並べ替えは読み込み済みの行が対象です。</translation>
        </message>
        <message>
            <source>Deployments asked for per request; more are loaded as you scroll.</source>
            <translation>1 回のリクエストで取得するデプロイメント数。スクロールすると続きを読み込みます。</translation>
        </message>
        <message>
            <source>&amp;Reset Filters</source>
            <translation>フィルターをリセット(&amp;R)</translation>
        </message>
        <message>
            <source>Reset filters</source>
            <translation>フィルターをリセット</translation>
        </message>
        <message>
            <source>Show every deployment, newest first.</source>
            <translation>すべてのデプロイメントを新しい順に表示します。</translation>
        </message>
        <message>
            <source>Text in any column</source>
            <translation>いずれかの列のテキスト</translation>
        </message>
        <message>
            <source>Hides loaded rows without this text; does not ask the service (%1).</source>
            <translation>このテキストを含まない読み込み済みの行を隠します。サービスには問い合わせません (%1)。</translation>
        </message>
        <message>
            <source>Filter Loaded Rows</source>
            <translation>読み込み済みの行を絞り込む</translation>
        </message>
        <message>
            <source>&amp;Name contains:</source>
            <translation>名前に含む(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>ステータス(&amp;S):</translation>
        </message>
        <message>
            <source>&amp;Model:</source>
            <translation>モデル(&amp;M):</translation>
        </message>
        <message>
            <source>S&amp;ort:</source>
            <translation>並び順(&amp;O):</translation>
        </message>
        <message>
            <source>&amp;Page size:</source>
            <translation>ページサイズ(&amp;P):</translation>
        </message>
        <message>
            <source>Fi&amp;lter loaded rows:</source>
            <translation>読み込み済みの行を絞り込む(&amp;L):</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1 (one more field is invalid)</source>
            <translation>%1 (ほかに 1 つの項目が無効です)</translation>
        </message>
        <message>
            <source>%1 (%2 more fields are invalid)</source>
            <translation>%1 (ほかに %2 個の項目が無効です)</translation>
        </message>
        <message>
            <source>Name contains: %1 characters; at most 63 are allowed.</source>
            <translation>名前に含む: %1 文字です。最大 63 文字です。</translation>
        </message>
        <message>
            <source>a space</source>
            <translation>空白</translation>
        </message>
        <message>
            <source>Name contains: %1 is not allowed; use letters, digits, '-' and '_' (at most 63).</source>
            <translation>名前に含む: %1 は使用できません。英字、数字、'-'、'_' (最大 63 文字) を使ってください。</translation>
        </message>
        <message>
            <source>Name contains: %1</source>
            <translation>名前に含む: %1</translation>
        </message>
        <message>
            <source>Model: "%1" is not a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...); base model and deployment ARNs cannot be used as a filter.</source>
            <translation>モデル: 「%1」はカスタムモデルの ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...) ではありません。基盤モデルやデプロイメントの ARN はフィルターに使えません。</translation>
        </message>
        <message>
            <source>Model: "%1" is neither one of the account's custom models nor a custom model ARN.</source>
            <translation>モデル: 「%1」はアカウントのカスタムモデルでも、カスタムモデルの ARN でもありません。</translation>
        </message>
        <message>
            <source>Created after (%1) is later than created before (%2): no deployment can match.</source>
            <translation>作成日時の開始 (%1) が終了 (%2) より後です。一致するデプロイメントはありません。</translation>
        </message>
        <message>
            <source>&amp;Deploy This Model…</source>
            <translation>このモデルをデプロイ(&amp;D)…</translation>
        </message>
        <message>
            <source>Create a deployment of this custom model</source>
            <translation>このカスタムモデルのデプロイメントを作成</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::LifecycleActions</name>
        <message>
            <source>&amp;New Deployment…</source>
            <translation>新しいデプロイメント(&amp;N)…</translation>
        </message>
        <message>
            <source>C&amp;hange Model…</source>
            <translation>モデルを変更(&amp;H)…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <comment>deployment</comment>
            <translation>削除(&amp;D)…</translation>
        </message>
        <message>
            <source>Deploy a custom model for on-demand inference</source>
            <translation>カスタムモデルをオンデマンド推論用にデプロイ</translation>
        </message>
        <message>
            <source>Swap the custom model behind the selected deployment</source>
            <translation>選択したデプロイメントのカスタムモデルを切り替え</translation>
        </message>
        <message>
            <source>Delete the selected deployments</source>
            <translation>選択したデプロイメントを削除</translation>
        </message>
        <message>
            <source>Only an Active deployment can change its model</source>
            <translation>モデルを変更できるのは Active のデプロイメントだけです</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Delete %n Deployment(s)…</source>
            <translation>
                <numerusform>%n 個のデプロイメントを削除(&amp;D)…</numerusform>
            </translation>
        </message>
        <message>
            <source>Creating the deployment %1</source>
            <translation>デプロイメント %1 を作成しています</translation>
        </message>
        <message>
            <source>Creating the deployment %1 (the current filters hide it)</source>
            <translation>デプロイメント %1 を作成しています (現在のフィルターでは表示されません)</translation>
        </message>
        <message>
            <source>Changing the model of the deployment</source>
            <translation>デプロイメントのモデルを変更しています</translation>
        </message>
        <message numerus="yes">
            <source>Deleting %n deployment(s)</source>
            <translation>
                <numerusform>%n 個のデプロイメントを削除しています</numerusform>
            </translation>
        </message>
        <message>
            <source>Deleting %1, %2 could not be deleted</source>
            <translation>%1 個を削除中、%2 個は削除できませんでした</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::MainWindow</name>
        <message>
            <source>&amp;Export to CSV…</source>
            <translation>CSV にエクスポート(&amp;E)…</translation>
        </message>
        <message>
            <source>Write the deployments to a CSV file</source>
            <translation>デプロイメントを CSV ファイルに書き出します</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>更新(&amp;R)</translation>
        </message>
        <message>
            <source>Check the loaded deployments for changes now</source>
            <translation>読み込み済みのデプロイメントの変更を今すぐ確認します</translation>
        </message>
        <message>
            <source>Load &amp;All</source>
            <translation>すべて読み込む(&amp;A)</translation>
        </message>
        <message>
            <source>Load every remaining page of deployments</source>
            <translation>デプロイメントの残りのページをすべて読み込みます</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>オフ</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>A&amp;uto-Refresh</source>
            <translation>自動更新(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Columns</source>
            <translation>列(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Deployment</source>
            <translation>デプロイメント(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About Outcrop</source>
            <translation>Outcrop について(&amp;A)</translation>
        </message>
        <message>
            <source>About Outcrop</source>
            <translation>Outcrop について</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Outcrop %1&lt;/h3&gt;&lt;p&gt;A dashboard for Amazon Bedrock custom model deployments.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License, version 2.0.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Outcrop %1&lt;/h3&gt;&lt;p&gt;Amazon Bedrock のカスタムモデルデプロイメント用ダッシュボードです。&lt;/p&gt;&lt;p&gt;Apache License バージョン 2.0 の下でライセンスされています。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Third-party software&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Qt %1 — GNU Lesser General Public License v3 (The Qt Company and contributors).&lt;br&gt;QtKeychain — BSD 3-Clause License (Frank Osterfeld and contributors).&lt;br&gt;AWS Signature Version 4 test suite, used by the tests — Apache License 2.0 (Amazon.com, Inc. or its affiliates).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;サードパーティ ソフトウェア&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Qt %1 — GNU Lesser General Public License v3 (The Qt Company および貢献者)&lt;br&gt;QtKeychain — BSD 3-Clause License (Frank Osterfeld および貢献者)&lt;br&gt;AWS Signature Version 4 テストスイート (テストで使用) — Apache License 2.0 (Amazon.com, Inc. またはその関連会社)&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>メイン</translation>
        </message>
        <message>
            <source>Deployments</source>
            <translation>デプロイメント</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>詳細</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>読み込み中</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>デモ</translation>
        </message>
        <message>
            <source>Not connected to AWS.</source>
            <translation>AWS に接続されていません。</translation>
        </message>
        <message>
            <source>No loaded deployment matches the local filter.</source>
            <translation>ローカルフィルターに一致する読み込み済みデプロイメントはありません。</translation>
        </message>
        <message>
            <source>No deployments match these filters.</source>
            <translation>このフィルターに一致するデプロイメントはありません。</translation>
        </message>
        <message>
            <source>No deployments in %1.</source>
            <translation>%1 にデプロイメントはありません。</translation>
        </message>
        <message>
            <source>more available</source>
            <translation>さらにあり</translation>
        </message>
        <message>
            <source>Sorted over the loaded rows only; load all to sort every deployment.</source>
            <translation>読み込み済みの行だけを並べ替えています。すべてのデプロイメントを並べ替えるには、すべて読み込んでください。</translation>
        </message>
        <message>
            <source>Updated %1</source>
            <translation>%1 に更新</translation>
        </message>
        <message>
            <source>Demo · %1</source>
            <translation>デモ · %1</translation>
        </message>
        <message>
            <source>Profile: %1 · Region: %2</source>
            <translation>プロファイル: %1 · リージョン: %2</translation>
        </message>
        <message>
            <source>Profile: %1 · Account: %2 · Region: %3</source>
            <translation>プロファイル: %1 · アカウント: %2 · リージョン: %3</translation>
        </message>
        <message>
            <source>Outcrop — Demo</source>
            <translation>Outcrop — デモ</translation>
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
            <translation>認証情報(&amp;C)…</translation>
        </message>
        <message>
            <source>Store access keys or a Bedrock API key for a profile in the system keyring</source>
            <translation>プロファイルのアクセスキーまたは Bedrock API キーをシステムのキーリングに保存します</translation>
        </message>
        <message>
            <source>Profile &amp;Label and Colour…</source>
            <translation>プロファイルのラベルと色(&amp;L)…</translation>
        </message>
        <message>
            <source>Give this profile a label and a colour, e.g. red for production</source>
            <translation>このプロファイルにラベルと色を付けます (例: 本番環境は赤)</translation>
        </message>
        <message numerus="yes">
            <source>Every %Ln second(s)</source>
            <translation>
                <numerusform>%Ln 秒ごと</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln deployment(s) to %1</source>
            <translation>
                <numerusform>%Ln 件のデプロイメントを %1 にエクスポートしました</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln deployment(s) loaded</source>
            <translation>
                <numerusform>%Ln 件のデプロイメントを読み込み済み</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Sources</source>
            <translation>ソース(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Choose Sources…</source>
            <translation>ソースを選択(&amp;C)…</translation>
        </message>
        <message>
            <source>Show several profiles and regions in one table</source>
            <translation>複数のプロファイルとリージョンを 1 つの表に表示します</translation>
        </message>
        <message>
            <source>Saved Views</source>
            <translation>保存したビュー</translation>
        </message>
        <message>
            <source>Profiles %1 in %2</source>
            <extracomment>%1 profiles, %2 regions (or "own region")</extracomment>
            <translation>プロファイル %1（%2）</translation>
        </message>
        <message>
            <source>their own regions</source>
            <translation>各プロファイルのリージョン</translation>
        </message>
        <message>
            <source>&amp;Delete View</source>
            <translation>ビューを削除(&amp;D)</translation>
        </message>
        <message numerus="yes">
            <source>Demo · %n source(s)</source>
            <translation>
                <numerusform>デモ · %n 個のソース</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s)</source>
            <translation>
                <numerusform>%n 個のソース</numerusform>
            </translation>
        </message>
        <message>
            <source>failed: %1</source>
            <translation>失敗: %1</translation>
        </message>
        <message numerus="yes">
            <source>Outcrop — Demo — %n source(s)</source>
            <translation>
                <numerusform>Outcrop — デモ — %n 個のソース</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Outcrop — %n source(s)</source>
            <translation>
                <numerusform>Outcrop — %n 個のソース</numerusform>
            </translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>読み取り専用</translation>
        </message>
        <message>
            <source>Read-only mode</source>
            <translation>読み取り専用モード</translation>
        </message>
        <message>
            <source>A view over several sources is read-only: open one profile and region to create, change, delete or tag deployments.</source>
            <translation>複数のソースをまとめたビューは読み取り専用です。デプロイメントの作成、変更、削除、タグ付けは、プロファイルとリージョンを1つずつ開いて行ってください。</translation>
        </message>
        <message>
            <source>Started with --read-only: deployments cannot be created, changed, deleted or tagged from this window.</source>
            <translation>--read-only で起動されました。このウィンドウからデプロイメントを作成、変更、削除、タグ付けすることはできません。</translation>
        </message>
        <message>
            <source>The profile %1 is read-only (View &gt; Profile Label and Colour): deployments cannot be created, changed, deleted or tagged from this window.</source>
            <translation>プロファイル %1 は読み取り専用です (表示 &gt; プロファイルのラベルと色)。このウィンドウからデプロイメントを作成、変更、削除、タグ付けすることはできません。</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::OverviewWidget</name>
        <message>
            <source>Deployments overview</source>
            <translation>デプロイメントの概要</translation>
        </message>
        <message>
            <source>%1+ deployments (loaded so far)</source>
            <translation>%1+ 件のデプロイメント (読み込み済み)</translation>
        </message>
        <message>
            <source>1 deployment</source>
            <translation>1 件のデプロイメント</translation>
        </message>
        <message>
            <source>%1 deployments</source>
            <translation>%1 件のデプロイメント</translation>
        </message>
        <message>
            <source>No creation times in the loaded rows</source>
            <translation>読み込み済みの行に作成日時がありません</translation>
        </message>
        <message>
            <source>No deployments loaded</source>
            <translation>デプロイメントが読み込まれていません</translation>
        </message>
        <message>
            <source>Created per day</source>
            <translation>日ごとの作成数</translation>
        </message>
        <message>
            <source>Created per week</source>
            <translation>週ごとの作成数</translation>
        </message>
        <message>
            <source>Created per month</source>
            <translation>月ごとの作成数</translation>
        </message>
        <message>
            <source>peak %1</source>
            <translation>最大 %1</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <comment>a week's range of dates</comment>
            <translation>%1〜%2</translation>
        </message>
        <message>
            <source>Created: %1</source>
            <translation>作成: %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Counted over the rows loaded so far</source>
            <translation>読み込み済みの行で集計</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>%1 from %2 to %3; the most, %4, in %5.</source>
            <translation>%1 (%2〜%3)。最多は %5 の %4 件。</translation>
        </message>
        <message>
            <source>Click to show every status</source>
            <translation>クリックするとすべてのステータスを表示します</translation>
        </message>
        <message>
            <source>Click to show only these deployments</source>
            <translation>クリックするとこのデプロイメントだけを表示します</translation>
        </message>
        <message>
            <source>%1: %2 loaded</source>
            <translation>%1: %2 件読み込み済み</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::ProfileAppearanceDialog</name>
        <message>
            <source>Profile Label and Colour</source>
            <translation>プロファイルのラベルと色</translation>
        </message>
        <message>
            <source>e.g. Production</source>
            <translation>例: 本番環境</translation>
        </message>
        <message>
            <source>No colour</source>
            <translation>色なし</translation>
        </message>
        <message>
            <source>Red</source>
            <translation>赤</translation>
        </message>
        <message>
            <source>Orange</source>
            <translation>オレンジ</translation>
        </message>
        <message>
            <source>Green</source>
            <translation>緑</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>青</translation>
        </message>
        <message>
            <source>Purple</source>
            <translation>紫</translation>
        </message>
        <message>
            <source>Profile:</source>
            <translation>プロファイル:</translation>
        </message>
        <message>
            <source>&amp;Label:</source>
            <translation>ラベル(&amp;L):</translation>
        </message>
        <message>
            <source>&amp;Colour:</source>
            <translation>色(&amp;C):</translation>
        </message>
        <message>
            <source>&amp;Read-only: hide the actions that create, change, delete or tag deployments</source>
            <translation>読み取り専用(&amp;R): デプロイメントを作成、変更、削除、タグ付けする操作を隠す</translation>
        </message>
        <message>
            <source>On by default for a profile whose label or name contains “prod”</source>
            <translation>ラベルまたは名前に「prod」を含むプロファイルでは既定でオン</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::SourcesDialog</name>
        <message>
            <source>Choose Sources</source>
            <translation>ソースの選択</translation>
        </message>
        <message>
            <source>Profiles</source>
            <translation>プロファイル</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>リージョン</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>保存しない</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>表示</translation>
        </message>
        <message>
            <source>&amp;Profiles:</source>
            <translation>プロファイル(&amp;P):</translation>
        </message>
        <message>
            <source>&amp;Regions:</source>
            <translation>リージョン(&amp;R):</translation>
        </message>
        <message>
            <source>Save as &amp;view:</source>
            <translation>ビューとして保存(&amp;V):</translation>
        </message>
        <message>
            <source>Check at least one profile.</source>
            <translation>プロファイルを 1 つ以上選択してください。</translation>
        </message>
        <message numerus="yes">
            <source>%n profile(s), each in its own region.</source>
            <translation>
                <numerusform>%n 個のプロファイル（それぞれ自身のリージョン）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s): every checked profile in every checked region.</source>
            <translation>
                <numerusform>%n 個のソース: 選択した各プロファイルを選択した各リージョンで。</numerusform>
            </translation>
        </message>
        <message>
            <source>Region to add</source>
            <translation>追加するリージョン</translation>
        </message>
        <message>
            <source>e.g. ap-east-2</source>
            <translation>例: ap-east-2</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>追加(&amp;A)</translation>
        </message>
        <message>
            <source>Add region</source>
            <translation>リージョンを追加</translation>
        </message>
        <message>
            <source>Region problem</source>
            <translation>リージョンの問題</translation>
        </message>
        <message>
            <source>A region the list does not offer; the service decides whether it serves Bedrock</source>
            <translation>一覧にないリージョン。そこで Bedrock が使えるかどうかはサービスが判断します</translation>
        </message>
        <message>
            <source>&amp;Other region:</source>
            <translation>その他のリージョン(&amp;O):</translation>
        </message>
        <message>
            <source>“%1” is not a region name: use lower-case letters, digits and single hyphens, such as us-east-1 or ap-southeast-7.</source>
            <extracomment>%1 is what the user typed</extracomment>
            <translation>「%1」はリージョン名ではありません。小文字の英字、数字、単独のハイフンを使ってください (例: us-east-1、ap-southeast-7)。</translation>
        </message>
        <message>
            <source>Type the name of a region to add, such as ap-southeast-7.</source>
            <translation>追加するリージョンの名前を入力してください (例: ap-southeast-7)。</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::StatusSidebar</name>
        <message>
            <source>&amp;Status</source>
            <translation>ステータス(&amp;S)</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>ステータスフィルター</translation>
        </message>
        <message>
            <source>Shows only the loaded deployments of the chosen status</source>
            <translation>選んだステータスの読み込み済みデプロイメントだけを表示します</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <comment>status sidebar entry: label (count)</comment>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1: %2 counted over the rows loaded so far; more pages remain</source>
            <translation>%1: 読み込み済みの行で %2 件。ほかのページが残っています</translation>
        </message>
        <message>
            <source>%1, %2 or more</source>
            <comment>accessible text of a partial count</comment>
            <translation>%1、%2 件以上</translation>
        </message>
        <message>
            <source>%1: %2 loaded</source>
            <translation>%1: %2 件読み込み済み</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1、%2</translation>
        </message>
        <message>
            <source>All</source>
            <comment>all deployment statuses</comment>
            <translation>すべて</translation>
        </message>
    </context>
    <context>
        <name>outcrop::gui::TagEditor</name>
        <message>
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <source>Tags status</source>
            <translation>タグの状態</translation>
        </message>
        <message>
            <source>Key</source>
            <comment>tag</comment>
            <translation>キー</translation>
        </message>
        <message>
            <source>Value</source>
            <comment>tag</comment>
            <translation>値</translation>
        </message>
        <message>
            <source>New tag key</source>
            <translation>新しいタグのキー</translation>
        </message>
        <message>
            <source>New tag value</source>
            <translation>新しいタグの値</translation>
        </message>
        <message>
            <source>Add</source>
            <comment>tag</comment>
            <translation>追加</translation>
        </message>
        <message>
            <source>Add the tag</source>
            <translation>タグを追加</translation>
        </message>
        <message>
            <source>Add the tag, or change the value of a tag with this key</source>
            <translation>タグを追加するか、このキーのタグの値を変更</translation>
        </message>
        <message>
            <source>Remove</source>
            <comment>tag</comment>
            <translation>削除</translation>
        </message>
        <message>
            <source>Remove the selected tags</source>
            <translation>選択したタグを削除</translation>
        </message>
        <message>
            <source>1 to 128 letters, digits, spaces and . _ : / = + @ -; not starting with aws:</source>
            <translation>英数字、空白、. _ : / = + @ - で 1～128 文字。aws: で始まらないこと</translation>
        </message>
        <message>
            <source>Up to 256 letters, digits, spaces and . _ : / = + @ -</source>
            <translation>英数字、空白、. _ : / = + @ - で最大 256 文字</translation>
        </message>
        <message>
            <source>Tag error</source>
            <translation>タグのエラー</translation>
        </message>
        <message>
            <source>Loading tags…</source>
            <translation>タグを読み込んでいます…</translation>
        </message>
        <message>
            <source>Saving…</source>
            <comment>tags</comment>
            <translation>保存しています…</translation>
        </message>
        <message>
            <source>Tags could not be loaded.</source>
            <translation>タグを読み込めませんでした。</translation>
        </message>
        <message>
            <source>No tags</source>
            <translation>タグなし</translation>
        </message>
        <message numerus="yes">
            <source>%n tag(s)</source>
            <translation>
                <numerusform>%n 個のタグ</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter the tag's key.</source>
            <translation>タグのキーを入力してください。</translation>
        </message>
    </context>
    <context>
        <name>outcrop::keychain::AppProfileAuthProvider</name>
        <message>
            <source>The app profile %1 is no longer available.</source>
            <translation>アプリプロファイル %1 はもう使えません。</translation>
        </message>
        <message>
            <source>The app profile %1 has no usable credentials in the system keyring.</source>
            <translation>アプリプロファイル %1 には、システムのキーリングに使える認証情報がありません。</translation>
        </message>
    </context>
    <context>
        <name>outcrop::keychain::AppProfiles</name>
        <message>
            <source>Enter a profile name.</source>
            <translation>プロファイル名を入力してください。</translation>
        </message>
        <message>
            <source>The profile name may have up to 64 letters, digits and . _ @ + - (starting with a letter or digit), without spaces or slashes.</source>
            <translation>プロファイル名には最大 64 文字の英字、数字、. _ @ + - を使えます (先頭は英字か数字)。空白やスラッシュは使えません。</translation>
        </message>
        <message>
            <source>There is no app profile named %1.</source>
            <translation>%1 という名前のアプリプロファイルはありません。</translation>
        </message>
        <message>
            <source>The system keyring has no API key for the app profile %1: enter it again in Credentials.</source>
            <translation>システムのキーリングにアプリプロファイル %1 の API キーがありません。[認証情報] で再入力してください。</translation>
        </message>
        <message>
            <source>app profile %1 (system keyring)</source>
            <translation>アプリプロファイル %1 (システムのキーリング)</translation>
        </message>
        <message>
            <source>The system keyring has no %1 for the app profile %2: enter the credentials again in Credentials.</source>
            <translation>システムのキーリングにアプリプロファイル %2 の%1がありません。[認証情報] で認証情報を再入力してください。</translation>
        </message>
        <message>
            <source>The credentials are incomplete.</source>
            <translation>認証情報が不完全です。</translation>
        </message>
        <message>
            <source>app profile %1 (this session only)</source>
            <translation>アプリプロファイル %1 (このセッションのみ)</translation>
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
            <translation>システムのキーリングにエントリ %1 がありません。</translation>
        </message>
        <message>
            <source>No system keyring is available: no Secret Service (GNOME Keyring, KWallet) answered on the session bus%1.</source>
            <translation>使用できるシステムのキーリングがありません。セッションバス上の Secret Service (GNOME Keyring、KWallet) から応答がありません%1。</translation>
        </message>
        <message>
            <source>The system keyring is locked and was not unlocked%1.</source>
            <translation>システムのキーリングがロックされており、ロック解除されませんでした%1。</translation>
        </message>
        <message>
            <source>Access to the system keyring was denied%1.</source>
            <translation>システムのキーリングへのアクセスが拒否されました%1。</translation>
        </message>
        <message>
            <source>The system keyring could not handle the entry %1%2.</source>
            <translation>システムのキーリングがエントリ %1 を処理できませんでした%2。</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>応答なし</translation>
        </message>
        <message>
            <source>The value of %1 is too long for the system keyring (%2 bytes).</source>
            <translation>%1 の値はシステムのキーリングには長すぎます (%2 バイト)。</translation>
        </message>
        <message>
            <source>The system keyring entry %1 is damaged (its list of parts is unreadable); save the credentials again.</source>
            <translation>キーリングのエントリ %1 が壊れています (パーツの一覧を読めません)。認証情報を保存し直してください。</translation>
        </message>
        <message>
            <source>The system keyring entry %1 is incomplete: part %2 of %3 (%4) is missing; save the credentials again.</source>
            <translation>キーリングのエントリ %1 が不完全です。%3 個中 %2 番目のパーツ (%4) がありません。認証情報を保存し直してください。</translation>
        </message>
        <message>
            <source>its default collection stays locked: the unlock prompt failed or was dismissed</source>
            <translation>既定のコレクションはロックされたままです: ロック解除の確認が表示できなかったか、キャンセルされました</translation>
        </message>
    </context>
</TS>
