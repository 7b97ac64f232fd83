<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<!-- English plural forms only (the sources are English): generated from the numerus
     messages of outcrop_de.ts by tools/i18n/english_plurals.py; see translations/README.md. -->
<context>
    <name>DeploymentPager</name>
    <message numerus="yes">
        <source>The service returned a page token it had already returned (after %Ln page(s)); stopped so as not to list the same rows for ever.</source>
        <translation>
            <numerusform>The service returned a page token it had already returned (after %Ln page); stopped so as not to list the same rows for ever.</numerusform>
            <numerusform>The service returned a page token it had already returned (after %Ln pages); stopped so as not to list the same rows for ever.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalTimeFormatter</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransitionNotice</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
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
            <numerusform>%Ln deployments changed</numerusform>
            <numerusform>%Ln deployments changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln regions</source>
        <translation>
            <numerusform>in %Ln regions</numerusform>
            <numerusform>in %Ln regions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts</source>
        <translation>
            <numerusform>%Ln accounts</numerusform>
            <numerusform>%Ln accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outcrop::gui::ConnectionBar</name>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outcrop::gui::DeleteDeploymentsDialog</name>
    <message numerus="yes">
        <source>Delete %n Deployment(s)</source>
        <translation>
            <numerusform>Delete %n Deployment</numerusform>
            <numerusform>Delete %n Deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n deployment(s)? This cannot be undone: applications that invoke their ARNs will fail.</source>
        <translation>
            <numerusform>Delete these %n deployment? This cannot be undone: applications that invoke their ARNs will fail.</numerusform>
            <numerusform>Delete these %n deployments? This cannot be undone: applications that invoke their ARNs will fail.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n</source>
        <translation>
            <numerusform>&amp;Delete %n</numerusform>
            <numerusform>&amp;Delete %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting (%n):</source>
        <comment>deployments whose deletion the service accepted</comment>
        <translation>
            <numerusform>Deleting (%n):</numerusform>
            <numerusform>Deleting (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not deleted (%n):</source>
        <translation>
            <numerusform>Not deleted (%n):</numerusform>
            <numerusform>Not deleted (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not attempted: %n</source>
        <translation>
            <numerusform>Not attempted: %n</numerusform>
            <numerusform>Not attempted: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service is deleting %n deployment(s); they leave the list when it is done.</source>
        <translation>
            <numerusform>The service is deleting %n deployment; they leave the list when it is done.</numerusform>
            <numerusform>The service is deleting %n deployments; they leave the list when it is done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outcrop::gui::ExportDialog</name>
    <message numerus="yes">
        <source>Only the &amp;rows shown (%Ln row(s))</source>
        <translation>
            <numerusform>Only the &amp;rows shown (%Ln row)</numerusform>
            <numerusform>Only the &amp;rows shown (%Ln rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deployment(s) written</source>
        <translation>
            <numerusform>%Ln deployment written</numerusform>
            <numerusform>%Ln deployments written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln deployment(s) to %1.</source>
        <translation>
            <numerusform>Wrote %Ln deployment to %1.</numerusform>
            <numerusform>Wrote %Ln deployments to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outcrop::gui::LifecycleActions</name>
    <message numerus="yes">
        <source>&amp;Delete %n Deployment(s)…</source>
        <translation>
            <numerusform>&amp;Delete %n Deployment…</numerusform>
            <numerusform>&amp;Delete %n Deployments…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n deployment(s)</source>
        <translation>
            <numerusform>Deleting %n deployment</numerusform>
            <numerusform>Deleting %n deployments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outcrop::gui::MainWindow</name>
    <message numerus="yes">
        <source>Every %Ln second(s)</source>
        <translation>
            <numerusform>Every %Ln second</numerusform>
            <numerusform>Every %Ln seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln deployment(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln deployment to %1</numerusform>
            <numerusform>Exported %Ln deployments to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deployment(s) loaded</source>
        <translation>
            <numerusform>%Ln deployment loaded</numerusform>
            <numerusform>%Ln deployments loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo · %n source(s)</source>
        <translation>
            <numerusform>Demo · %n source</numerusform>
            <numerusform>Demo · %n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outcrop — Demo — %n source(s)</source>
        <translation>
            <numerusform>Outcrop — Demo — %n source</numerusform>
            <numerusform>Outcrop — Demo — %n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outcrop — %n source(s)</source>
        <translation>
            <numerusform>Outcrop — %n source</numerusform>
            <numerusform>Outcrop — %n sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outcrop::gui::SourcesDialog</name>
    <message numerus="yes">
        <source>%n profile(s), each in its own region.</source>
        <translation>
            <numerusform>%n profile, each in its own region.</numerusform>
            <numerusform>%n profiles, each in its own region.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s): every checked profile in every checked region.</source>
        <translation>
            <numerusform>%n source: every checked profile in every checked region.</numerusform>
            <numerusform>%n sources: every checked profile in every checked region.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outcrop::gui::TagEditor</name>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
</context>
</TS>
