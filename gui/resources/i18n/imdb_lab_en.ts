<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
