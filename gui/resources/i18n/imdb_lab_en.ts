<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>Retraining for %n epoch(s) on all training reviews: building the model...</source>
        <translation>
            <numerusform>Retraining for %n epoch on all training reviews: building the model...</numerusform>
            <numerusform>Retraining for %n epochs on all training reviews: building the model...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retraining for %n epoch(s) on all training reviews...</source>
        <translation>
            <numerusform>Retraining for %n epoch on all training reviews...</numerusform>
            <numerusform>Retraining for %n epochs on all training reviews...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training {model} (%n epoch(s))...</source>
        <translation>
            <numerusform>Training {model} (%n epoch)...</numerusform>
            <numerusform>Training {model} (%n epochs)...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the saved run “{name}”: %n epoch(s), lowest validation loss at epoch {best}. Press Train for a new run.</source>
        <translation>
            <numerusform>Showing the saved run “{name}”: %n epoch, lowest validation loss at epoch {best}. Press Train for a new run.</numerusform>
            <numerusform>Showing the saved run “{name}”: %n epochs, lowest validation loss at epoch {best}. Press Train for a new run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the saved run “{name}”: %n epoch(s). Press Train for a new run.</source>
        <translation>
            <numerusform>Showing the saved run “{name}”: %n epoch. Press Train for a new run.</numerusform>
            <numerusform>Showing the saved run “{name}”: %n epochs. Press Train for a new run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrain %n epoch(s) and test ({model})</source>
        <translation>
            <numerusform>Retrain %n epoch and test ({model})</numerusform>
            <numerusform>Retrain %n epochs and test ({model})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped by you after %n epoch(s) ({took}).</source>
        <translation>
            <numerusform>Stopped by you after %n epoch ({took}).</numerusform>
            <numerusform>Stopped by you after %n epochs ({took}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training failed after %n epoch(s) ({took}).</source>
        <translation>
            <numerusform>Training failed after %n epoch ({took}).</numerusform>
            <numerusform>Training failed after %n epochs ({took}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished %n epoch(s) in {took}.</source>
        <translation>
            <numerusform>Finished %n epoch in {took}.</numerusform>
            <numerusform>Finished %n epochs in {took}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their saved models and per-epoch weights? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n run with its saved model and per-epoch weights? This cannot be undone.</numerusform>
            <numerusform>Delete %n runs with their saved models and per-epoch weights? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
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
<context>
    <name>TrainTab</name>
    <message numerus="yes">
        <source>Retrain best so far (%n epoch(s)) and test</source>
        <translation>
            <numerusform>Retrain best so far (%n epoch) and test</numerusform>
            <numerusform>Retrain best so far (%n epochs) and test</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrain best %n epoch(s) and test</source>
        <translation>
            <numerusform>Retrain best %n epoch and test</numerusform>
            <numerusform>Retrain best %n epochs and test</numerusform>
        </translation>
    </message>
</context>
</TS>
