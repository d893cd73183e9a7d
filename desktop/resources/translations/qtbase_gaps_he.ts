<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt 6's qtbase_he.qm lacks (its file still has them as Qt 5 wrote
     them: the file dialog's labels without their mnemonic, the file types under QFileDialog
     rather than QAbstractFileIconProvider), loaded after it by desktop/app.py. -->
<TS version="2.1" language="he_IL">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;חפש בתוך:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>קבצים מ&amp;סוג:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>כונן</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>תיקיית קבצים</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>תיקייה</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>קיצור דרך</translation>
    </message>
    <message>
        <source>File</source>
        <translation>קובץ</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>לא ידוע</translation>
    </message>
</context>
</TS>
