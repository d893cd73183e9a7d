<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt 6's qtbase_he.qm lacks (its file still has them as Qt 5 wrote
     them, without the mnemonic), loaded after it by desktop/app.py. -->
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
</TS>
