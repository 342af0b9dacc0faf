<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%n unit(s) exported to {path}.</source>
        <translation>
            <numerusform>%n unit exported to {path}.</numerusform>
            <numerusform>%n units exported to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without use. Scan your badge to go on; your work is kept.</source>
        <translation>
            <numerusform>Locked after %n minute without use. Scan your badge to go on; your work is kept.</numerusform>
            <numerusform>Locked after %n minutes without use. Scan your badge to go on; your work is kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParcelPhotos</name>
    <message numerus="yes">
        <source>%n photo(s) of the parcel</source>
        <translation>
            <numerusform>%n photo of the parcel</numerusform>
            <numerusform>%n photos of the parcel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message numerus="yes">
        <source>Return window: %n day(s) left, until {date}</source>
        <translation>
            <numerusform>Return window: %n day left, until {date}</numerusform>
            <numerusform>Return window: %n days left, until {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Return window passed %n day(s) ago ({date})</source>
        <translation>
            <numerusform>⚠ Return window passed %n day ago ({date})</numerusform>
            <numerusform>⚠ Return window passed %n days ago ({date})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message numerus="yes">
        <source>⚠ %n label(s) in doubt: check the printer</source>
        <translation>
            <numerusform>⚠ %n label in doubt: check the printer</numerusform>
            <numerusform>⚠ %n labels in doubt: check the printer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Printer: %n label(s) waiting</source>
        <translation>
            <numerusform>⚠ Printer: %n label waiting</numerusform>
            <numerusform>⚠ Printer: %n labels waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
