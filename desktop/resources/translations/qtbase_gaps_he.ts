<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt 6's qtbase_he.qm lacks (its file still has them as Qt 5 wrote
     them: the file dialog's labels without their mnemonic, the file types under QFileDialog
     rather than QAbstractFileIconProvider), loaded after it by desktop/app.py, so a string here
     also wins over Qt's: its "Discard" button reads "שכח" ("forget!"), fixed below.
     tests/desktop/test_table_filters.py checks that the app translates each message here. -->
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
    <name>QFileSystemModel</name>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;לא ניתן להשתמש בשם „%1”.&lt;/b&gt;&lt;p&gt;נסו שם אחר, קצר יותר או בלי סימני פיסוק.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Discard</source>
        <translation>ביטול השינויים</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>אל תשמור</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>סגירה ללא שמירה</translation>
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
