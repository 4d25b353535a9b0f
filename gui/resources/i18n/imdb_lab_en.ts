<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FontNote</name>
    <message numerus="yes">
        <source>%n kind(s) of character in this text (%1) cannot be shown with the fonts installed on this computer and appear as empty boxes; install a font for that script (for example Noto) to see them.</source>
        <translation>
            <numerusform>%n kind of character in this text (%1) cannot be shown with the fonts installed on this computer and appears as empty boxes; install a font for that script (for example Noto) to see it.</numerusform>
            <numerusform>%n kinds of character in this text (%1) cannot be shown with the fonts installed on this computer and appear as empty boxes; install a font for that script (for example Noto) to see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelTexts</name>
    <message numerus="yes">
        <source>retrained on all training reviews, %n epoch(s)</source>
        <translation>
            <numerusform>retrained on all training reviews, %n epoch</numerusform>
            <numerusform>retrained on all training reviews, %n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n epoch(s)</source>
        <translation>
            <numerusform>after %n epoch</numerusform>
            <numerusform>after %n epochs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PredictTab</name>
    <message numerus="yes">
        <source>%n known word(s), {unknown} outside the model&apos;s vocabulary.</source>
        <translation>
            <numerusform>%n known word, {unknown} outside the model&apos;s vocabulary.</numerusform>
            <numerusform>%n known words, {unknown} outside the model&apos;s vocabulary.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
</TS>
