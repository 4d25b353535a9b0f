<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AsNumbers</name>
    <message>
        <source>most positive effect first</source>
        <translation>긍정 효과가 큰 순</translation>
    </message>
    <message>
        <source>by vocabulary rank</source>
        <translation>어휘 순위 순</translation>
    </message>
    <message>
        <source>position %1</source>
        <translation>위치 %1</translation>
    </message>
    <message>
        <source>position %1, effect %2</source>
        <translation>위치 %1, 효과 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the model receives: a set, not a sentence.&lt;/b&gt; &lt;b&gt;%1&lt;/b&gt; of the %2 positions of the multi-hot vector are 1, one per distinct vocabulary word (%3); order and repeats are lost. Below: the decoded text, for reading.</source>
        <translation>&lt;b&gt;모델이 받는 것: 문장이 아니라 집합입니다.&lt;/b&gt; 멀티-핫 벡터의 위치 %2개 중 &lt;b&gt;%1&lt;/b&gt;개가 1이며, 서로 다른 어휘 단어마다 하나씩입니다(%3). 순서와 반복은 사라집니다. 아래: 읽기 위해 복원한 텍스트.</translation>
    </message>
</context>
<context>
    <name>AsNumbersView</name>
    <message>
        <source>Decoded back into words:</source>
        <translation>단어로 되돌린 텍스트:</translation>
    </message>
    <message>
        <source>Word indices (%1): the book&apos;s train_data[i], 1 = start, 2 = a word outside the vocabulary</source>
        <translation>단어 인덱스 (%1): 책의 train_data[i], 1 = 시작, 2 = 어휘에 없는 단어</translation>
    </message>
    <message>
        <source>Word indices (%1): positions in the vocabulary, ? = a word outside it</source>
        <translation>단어 인덱스 (%1): 어휘 안의 위치, ? = 어휘에 없는 단어</translation>
    </message>
    <message>
        <source>Multi-hot: &lt;b&gt;%1&lt;/b&gt; of the %2 positions are 1 ([%3]); all others are 0.</source>
        <translation>멀티-핫: 위치 %2개 중 &lt;b&gt;%1&lt;/b&gt;개가 1 ([%3]), 나머지는 모두 0입니다.</translation>
    </message>
    <message>
        <source>... (%1 more)</source>
        <translation>... (%1개 더)</translation>
    </message>
</context>
<context>
    <name>BookFeatures</name>
    <message>
        <source>C&amp;hange dataset...</source>
        <translation>데이터셋 바꾸기(&amp;H)...</translation>
    </message>
    <message>
        <source>Show the &amp;Keras code...</source>
        <translation>Keras 코드 보기(&amp;K)...</translation>
    </message>
    <message>
        <source>Open &amp;model file...</source>
        <translation>모델 파일 열기(&amp;M)...</translation>
    </message>
    <message>
        <source>&amp;Export model...</source>
        <translation>모델 내보내기(&amp;E)...</translation>
    </message>
    <message>
        <source>Export Keras model (.&amp;keras)...</source>
        <translation>Keras 모델 내보내기(.&amp;keras)...</translation>
    </message>
    <message>
        <source>The section, &amp;step by step</source>
        <translation>3.4절 단계별 안내(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>용어집(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About IMDB Sentiment Lab</source>
        <translation>IMDB 감성 분석 실습 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>%1에 연결하는 중...</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrix</name>
    <message>
        <source>negative</source>
        <translation>부정</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>긍정</translation>
    </message>
    <message>
        <source>True negatives</source>
        <translation>진짜 부정 (TN)</translation>
    </message>
    <message>
        <source>False positives</source>
        <translation>거짓 긍정 (FP)</translation>
    </message>
    <message>
        <source>False negatives</source>
        <translation>거짓 부정 (FN)</translation>
    </message>
    <message>
        <source>True positives</source>
        <translation>진짜 긍정 (TP)</translation>
    </message>
    <message>
        <source>Show these reviews (truly negative, predicted negative) in the Reviews tab.</source>
        <translation>이 리뷰들(실제 부정, 부정으로 예측)을 리뷰 탭에서 봅니다.</translation>
    </message>
    <message>
        <source>Show these reviews (truly negative, predicted positive) in the Reviews tab.</source>
        <translation>이 리뷰들(실제 부정, 긍정으로 예측)을 리뷰 탭에서 봅니다.</translation>
    </message>
    <message>
        <source>Show these reviews (truly positive, predicted negative) in the Reviews tab.</source>
        <translation>이 리뷰들(실제 긍정, 부정으로 예측)을 리뷰 탭에서 봅니다.</translation>
    </message>
    <message>
        <source>Show these reviews (truly positive, predicted positive) in the Reviews tab.</source>
        <translation>이 리뷰들(실제 긍정, 긍정으로 예측)을 리뷰 탭에서 봅니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Predicted →&lt;/b&gt;&lt;br&gt;&lt;b&gt;True ↓&lt;/b&gt;</source>
        <translation>&lt;b&gt;예측 →&lt;/b&gt;&lt;br&gt;&lt;b&gt;실제 ↓&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <source>test set</source>
        <translation>테스트 세트</translation>
    </message>
    <message>
        <source>Go to the Train tab</source>
        <translation>훈련 탭으로 가기</translation>
    </message>
    <message>
        <source>Evaluate the current model on the test reviews</source>
        <translation>현재 모델을 테스트 리뷰로 평가</translation>
    </message>
    <message>
        <source>Score the model now in use (for example one restored at start-up, or an epoch picked with the scrubber) on the 25,000 test reviews.</source>
        <translation>지금 쓰고 있는 모델(예: 시작할 때 복원된 모델이나 스크러버로 고른 에포크)을 테스트 리뷰 25,000개로 평가합니다.</translation>
    </message>
    <message>
        <source>Click a cell to read those reviews.</source>
        <translation>셀을 클릭하면 해당 리뷰를 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt;</source>
        <translation>&lt;b&gt;오차 행렬&lt;/b&gt;</translation>
    </message>
    <message>
        <source>P(positive)</source>
        <translation>P(긍정)</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>리뷰 수</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>거짓 긍정 비율</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>진짜 긍정 비율</translation>
    </message>
    <message>
        <source>Evaluating {model} on the test reviews…</source>
        <translation>테스트 리뷰로 평가하는 중: {model}…</translation>
    </message>
    <message>
        <source>Evaluating the model</source>
        <translation>모델 평가</translation>
    </message>
    <message>
        <source>Could not evaluate the model: {message}</source>
        <translation>모델을 평가하지 못했습니다: {message}</translation>
    </message>
    <message>
        <source>P(positive) by true class</source>
        <translation>실제 클래스별 P(긍정)</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 곡선</translation>
    </message>
    <message>
        <source>Test set, {n} reviews</source>
        <translation>테스트 세트, 리뷰 {n}개</translation>
    </message>
    <message>
        <source>Train set, {n} reviews</source>
        <translation>훈련 세트, 리뷰 {n}개</translation>
    </message>
    <message>
        <source>All splits, {n} reviews</source>
        <translation>전체 분할, 리뷰 {n}개</translation>
    </message>
    <message>
        <source>&lt;b&gt;{split}&lt;/b&gt; — accuracy &lt;b&gt;{accuracy}&lt;/b&gt; · loss {loss} · precision {precision} · recall {recall} · ROC AUC {auc}</source>
        <translation>&lt;b&gt;{split}&lt;/b&gt; — 정확도 &lt;b&gt;{accuracy}&lt;/b&gt; · 손실 {loss} · 정밀도 {precision} · 재현율 {recall} · ROC AUC {auc}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{model}&lt;/b&gt;: {numbers}</source>
        <translation>&lt;b&gt;{model}&lt;/b&gt;: {numbers}</translation>
    </message>
    <message>
        <source>Load the dataset to see the probability histogram.</source>
        <translation>확률 히스토그램을 보려면 데이터셋을 불러오세요.</translation>
    </message>
    <message>
        <source>ROC curve (AUC = {auc})</source>
        <translation>ROC 곡선 (AUC = {auc})</translation>
    </message>
    <message>
        <source>No evaluation yet. Train a model and test it (the book&apos;s protocol ends with a test on the 25,000 test reviews); the results appear here.</source>
        <translation>아직 평가 결과가 없습니다. 모델을 훈련하고 테스트하면(책의 절차는 테스트 리뷰 25,000개로 테스트하며 끝납니다) 결과가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>No evaluation yet of {model} (the current model): press “Evaluate the current model” or use “Retrain best N and test”.</source>
        <translation>현재 모델({model})은 아직 평가되지 않았습니다. “현재 모델을 테스트 리뷰로 평가”를 누르거나 “최적 N 에포크로 재훈련 후 테스트”를 사용하세요.</translation>
    </message>
    <message>
        <source>truly negative</source>
        <translation>실제 부정</translation>
    </message>
    <message>
        <source>truly positive</source>
        <translation>실제 긍정</translation>
    </message>
</context>
<context>
    <name>FontNote</name>
    <message numerus="yes">
        <source>%n kind(s) of character in this text (%1) cannot be shown with the fonts installed on this computer and appear as empty boxes; install a font for that script (for example Noto) to see them.</source>
        <translation>
            <numerusform>이 텍스트의 문자 %n종(%1)은 이 컴퓨터에 설치된 글꼴로 표시할 수 없어 빈 상자로 보입니다. 보려면 그 문자용 글꼴(예: Noto)을 설치하세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 외 %n종</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Highlight</name>
    <message>
        <source>not in the vocabulary</source>
        <translation>어휘에 없음</translation>
    </message>
    <message>
        <source>pushes positive</source>
        <translation>긍정 쪽으로</translation>
    </message>
    <message>
        <source>pushes negative</source>
        <translation>부정 쪽으로</translation>
    </message>
    <message>
        <source>— stronger colour, stronger push</source>
        <translation>— 색이 진할수록 영향이 큼</translation>
    </message>
</context>
<context>
    <name>LexiconWidget</name>
    <message>
        <source>The model&apos;s P(positive) for a review made of this single word.</source>
        <translation>이 단어 하나로만 된 리뷰에 대한 모델의 P(긍정).</translation>
    </message>
    <message>
        <source>The model&apos;s most positive and negative words appear here once training starts.</source>
        <translation>훈련이 시작되면 모델이 가장 긍정적·부정적으로 보는 단어가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Scoring the vocabulary</source>
        <translation>어휘 점수 계산</translation>
    </message>
    <message>
        <source>What the model has learned after epoch %1: each word scored as a one-word review, P(positive).</source>
        <translation>에포크 %1 이후 모델이 배운 것: 각 단어를 한 단어짜리 리뷰로 본 P(긍정).</translation>
    </message>
    <message>
        <source>What the model has learned: each word scored as a one-word review, P(positive).</source>
        <translation>모델이 배운 것: 각 단어를 한 단어짜리 리뷰로 본 P(긍정).</translation>
    </message>
    <message>
        <source>Most positive words</source>
        <translation>가장 긍정적인 단어</translation>
    </message>
    <message>
        <source>Most negative words</source>
        <translation>가장 부정적인 단어</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>IMDB Sentiment Lab</source>
        <translation>IMDB 감성 분석 실습</translation>
    </message>
    <message>
        <source>TensorFlow %1 ready</source>
        <translation>TensorFlow %1 준비됨</translation>
    </message>
    <message>
        <source>TensorFlow ready</source>
        <translation>TensorFlow 준비됨</translation>
    </message>
    <message>
        <source>TensorFlow unavailable</source>
        <translation>TensorFlow 사용 불가</translation>
    </message>
    <message>
        <source>Loading TensorFlow...</source>
        <translation>TensorFlow 불러오는 중...</translation>
    </message>
    <message>
        <source>Could not restore the last model: %1</source>
        <translation>마지막 모델을 복원하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Opening the dataset...</source>
        <translation>데이터셋을 여는 중...</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>%1에 연결하는 중...</translation>
    </message>
    <message>
        <source>Open the IMDB archive or your own reviews (or cancel to pick a folder)</source>
        <translation>IMDB 압축 파일이나 직접 준비한 리뷰 열기 (폴더를 고르려면 취소)</translation>
    </message>
    <message>
        <source>IMDB archive or reviews</source>
        <translation>IMDB 압축 파일 또는 리뷰</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>모든 파일</translation>
    </message>
    <message>
        <source>Open the extracted aclImdb folder, or a folder with pos/ and neg/</source>
        <translation>압축을 푼 aclImdb 폴더 또는 pos/와 neg/가 있는 폴더 열기</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>Stopping training...</source>
        <translation>훈련을 중지하는 중...</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open dataset...</source>
        <translation>데이터셋 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>훈련(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>로그 폴더 열기(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MultiHotStrip</name>
    <message>
        <source>The %1 inputs of the model, left to right: a tick where the review uses that word (%2 of them).</source>
        <translation>모델의 입력 %1개(왼쪽에서 오른쪽): 리뷰에 쓰인 단어 자리에 눈금 (%2개).</translation>
    </message>
</context>
<context>
    <name>PredictTab</name>
    <message>
        <source>Type or paste a review on the left (or drop a .txt file, or pick an example).</source>
        <translation>왼쪽에 리뷰를 입력하거나 붙여 넣으세요(.txt 파일을 끌어 놓거나 예시를 골라도 됩니다).</translation>
    </message>
    <message>
        <source>Clearly positive</source>
        <translation>확실한 긍정</translation>
    </message>
    <message>
        <source>Clearly negative</source>
        <translation>확실한 부정</translation>
    </message>
    <message>
        <source>Mixed feelings</source>
        <translation>엇갈린 감정</translation>
    </message>
    <message>
        <source>Sarcasm (hard for a bag of words)</source>
        <translation>비꼬기 (단어 주머니 모델에겐 어려움)</translation>
    </message>
    <message>
        <source>Negation (&quot;not good&quot;)</source>
        <translation>부정어 (&quot;not good&quot;)</translation>
    </message>
    <message>
        <source>Mostly unknown words</source>
        <translation>대부분 모르는 단어</translation>
    </message>
    <message>
        <source>Emoji and HTML</source>
        <translation>이모지와 HTML</translation>
    </message>
    <message>
        <source>Another language</source>
        <translation>다른 언어</translation>
    </message>
    <message>
        <source>P(positive) is the model&apos;s output: the sigmoid of its last layer, a number between
0 and 1. Above 0.5 the review counts as positive. It is not a calibrated confidence:
0.92 does not mean the model is right 92% of the time. See the glossary (Help).</source>
        <translation>P(긍정)은 모델의 출력, 곧 마지막 층의 시그모이드 값으로 0과 1 사이의 수입니다.
0.5보다 크면 긍정 리뷰로 봅니다. 보정된 신뢰도는 아닙니다.
0.92라고 해서 모델이 92%의 경우에 맞는다는 뜻은 아닙니다. 용어집(도움말)을 보세요.</translation>
    </message>
    <message>
        <source>The model cannot tell: it knows none of these words (P(positive) = {p} is only its built-in bias)</source>
        <translation>모델이 판단할 수 없습니다. 아는 단어가 하나도 없습니다(P(긍정) = {p}는 내장된 편향일 뿐입니다)</translation>
    </message>
    <message>
        <source>Positive — P(positive) = {p}</source>
        <translation>긍정 — P(긍정) = {p}</translation>
    </message>
    <message>
        <source>Negative — P(positive) = {p}</source>
        <translation>부정 — P(긍정) = {p}</translation>
    </message>
    <message>
        <source>There is no trained model yet. Train one (a few seconds per epoch), then come back to try your own reviews.</source>
        <translation>아직 훈련된 모델이 없습니다. 모델을 훈련한 뒤(에포크당 몇 초) 돌아와서 직접 쓴 리뷰를 시험해 보세요.</translation>
    </message>
    <message>
        <source>Go to the Train tab</source>
        <translation>훈련 탭으로 가기</translation>
    </message>
    <message>
        <source>Try an example review…</source>
        <translation>예시 리뷰 고르기…</translation>
    </message>
    <message>
        <source>Type or paste a movie review here, or drop a .txt file. The verdict updates as you type (Ctrl+Enter: now).</source>
        <translation>여기에 영화 리뷰를 입력하거나 붙여 넣거나 .txt 파일을 끌어 놓으세요. 입력하는 대로 판정이 바뀝니다(Ctrl+Enter: 바로).</translation>
    </message>
    <message>
        <source>Pushing positive</source>
        <translation>긍정 쪽으로 미는 단어</translation>
    </message>
    <message>
        <source>Pushing negative</source>
        <translation>부정 쪽으로 미는 단어</translation>
    </message>
    <message>
        <source>Effect on P(positive)</source>
        <translation>P(긍정)에 미치는 영향</translation>
    </message>
    <message>
        <source>How much P(positive) drops when the word is removed from the review.</source>
        <translation>리뷰에서 이 단어를 뺄 때 P(긍정)이 얼마나 내려가는지입니다.</translation>
    </message>
    <message>
        <source>As numbers (word indices and the multi-hot vector)</source>
        <translation>숫자로 보기 (단어 인덱스와 멀티-핫 벡터)</translation>
    </message>
    <message>
        <source>What the network is given for this text: its word indices, and the vector with a 1 at the index of every word it uses.</source>
        <translation>이 텍스트에 대해 네트워크가 받는 것: 단어 인덱스, 그리고 텍스트에 쓰인 모든 단어의 인덱스 자리에 1이 있는 벡터.</translation>
    </message>
    <message>
        <source>No model yet: train one to see its verdict.</source>
        <translation>아직 모델이 없습니다. 판정을 보려면 모델을 훈련하세요.</translation>
    </message>
    <message>
        <source>Predicting</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>P(positive)</source>
        <translation>P(긍정)</translation>
    </message>
    <message>
        <source>The prediction failed: {reason}</source>
        <translation>예측에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>P(positive) = {p}</source>
        <translation>P(긍정) = {p}</translation>
    </message>
    <message numerus="yes">
        <source>%n known word(s), {unknown} outside the model&apos;s vocabulary.</source>
        <translation>
            <numerusform>아는 단어 %n개, 모델 어휘에 없는 단어 {unknown}개.</numerusform>
        </translation>
    </message>
    <message>
        <source>None of these words is in the model&apos;s vocabulary: it knows only the most frequent words of the English training reviews.</source>
        <translation>이 단어들은 하나도 모델의 어휘에 없습니다. 모델은 영어 훈련 리뷰에서 가장 자주 나오는 단어만 압니다.</translation>
    </message>
    <message>
        <source>Most words are unknown to the model (it only knows the most frequent English words of the training reviews): take the verdict with a grain of salt.</source>
        <translation>대부분의 단어를 모델이 모릅니다(모델은 훈련 리뷰에서 가장 자주 나오는 영어 단어만 압니다). 판정을 너무 믿지 마세요.</translation>
    </message>
    <message>
        <source>(Colours shown for the first {limit} of {length} characters; the verdict uses all of them.)</source>
        <translation>(전체 {length}자 중 앞 {limit}자만 색으로 표시했습니다. 판정에는 전체가 쓰입니다.)</translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <source>As the model sees it (an unordered set of known words)</source>
        <translation>모델이 보는 대로 (아는 단어의 순서 없는 집합)</translation>
    </message>
    <message>
        <source>Show the review the way the network receives it: the set of distinct words
from its vocabulary (one 1 in the multi-hot vector each), then the decoded
text with every other word replaced by ?.</source>
        <translation>네트워크가 받는 모습으로 리뷰를 보여 줍니다. 어휘에 있는 서로 다른 단어의 집합
(단어마다 멀티-핫 벡터의 1 하나)과, 나머지 단어를 모두 ?로 바꾼
디코딩된 텍스트입니다.</translation>
    </message>
    <message>
        <source>As numbers (word indices and the multi-hot vector)</source>
        <translation>숫자로 보기 (단어 인덱스와 멀티-핫 벡터)</translation>
    </message>
    <message>
        <source>What the network is really given: the review&apos;s word indices, and the vector with a 1 at the index of every word the review uses.</source>
        <translation>네트워크가 실제로 받는 것: 리뷰의 단어 인덱스, 그리고 리뷰에 쓰인 모든 단어의 인덱스 자리에 1이 있는 벡터.</translation>
    </message>
    <message>
        <source>Select a review in the table to read it here.</source>
        <translation>표에서 리뷰를 선택하면 여기에서 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>Train review {id}</source>
        <translation>훈련 리뷰 {id}</translation>
    </message>
    <message>
        <source>Test review {id}</source>
        <translation>테스트 리뷰 {id}</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>긍정</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>부정</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>단어 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; · rating {rating} · true label &lt;b&gt;{label}&lt;/b&gt; · {words}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; · 평점 {rating} · 실제 레이블 &lt;b&gt;{label}&lt;/b&gt; · {words}</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>rating</comment>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; · true label &lt;b&gt;{label}&lt;/b&gt; · {words}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; · 실제 레이블 &lt;b&gt;{label}&lt;/b&gt; · {words}</translation>
    </message>
    <message>
        <source>No model yet: train one to see what it thinks of this review.</source>
        <translation>아직 모델이 없습니다. 모델을 훈련하면 이 리뷰를 어떻게 판단하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>positive (right)</source>
        <translation>긍정 (정답)</translation>
    </message>
    <message>
        <source>positive (wrong)</source>
        <translation>긍정 (오답)</translation>
    </message>
    <message>
        <source>negative (right)</source>
        <translation>부정 (정답)</translation>
    </message>
    <message>
        <source>negative (wrong)</source>
        <translation>부정 (오답)</translation>
    </message>
    <message>
        <source>Model: P(positive) = &lt;b&gt;{p}&lt;/b&gt; → {verdict}</source>
        <translation>모델: P(긍정) = &lt;b&gt;{p}&lt;/b&gt; → {verdict}</translation>
    </message>
    <message>
        <source>IMDb: {link}</source>
        <translation>IMDb: {link}</translation>
    </message>
    <message>
        <source>The book&apos;s copy (keras.datasets.imdb) has no ratings or IMDb links.</source>
        <translation>책의 데이터(keras.datasets.imdb)에는 평점과 IMDb 링크가 없습니다.</translation>
    </message>
    <message>
        <source>IMDb link: not known for this review.</source>
        <translation>이 리뷰의 IMDb 링크는 알 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ReviewInput</name>
    <message>
        <source>Only .txt files can be dropped here ({name} is not one).</source>
        <translation>여기에는 .txt 파일만 끌어 놓을 수 있습니다({name}: .txt 파일 아님).</translation>
    </message>
    <message>
        <source>{name} is larger than 5 MB; paste a part of it instead.</source>
        <translation>{name}: 5MB보다 큽니다. 일부만 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>Could not read {name}: {reason}.</source>
        <translation>{name} 파일을 읽지 못했습니다: {reason}.</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Split</source>
        <translation>분할</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>평점</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>단어 수</translation>
    </message>
    <message>
        <source>P(positive)</source>
        <translation>P(긍정)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>리뷰</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>긍정</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>부정</translation>
    </message>
    <message>
        <source>right</source>
        <translation>정답</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>오답</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Most confident mistakes</source>
        <translation>가장 확신한 오답</translation>
    </message>
    <message>
        <source>Most uncertain</source>
        <translation>가장 불확실한 리뷰</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>가장 긴 리뷰</translation>
    </message>
    <message>
        <source>Shortest</source>
        <translation>가장 짧은 리뷰</translation>
    </message>
    <message>
        <source>Any split</source>
        <translation>모든 분할</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Validation (current run)</source>
        <translation>검증 (현재 실행)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Any true label</source>
        <translation>모든 실제 레이블</translation>
    </message>
    <message>
        <source>Truly positive</source>
        <translation>실제 긍정</translation>
    </message>
    <message>
        <source>Truly negative</source>
        <translation>실제 부정</translation>
    </message>
    <message>
        <source>Any prediction</source>
        <translation>모든 예측</translation>
    </message>
    <message>
        <source>Predicted positive</source>
        <translation>긍정으로 예측</translation>
    </message>
    <message>
        <source>Predicted negative</source>
        <translation>부정으로 예측</translation>
    </message>
    <message>
        <source>Right or wrong</source>
        <translation>정답과 오답</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>정답</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>오답</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>빠른 보기…</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>모두 보기</translation>
    </message>
    <message>
        <source>Quick views: the model&apos;s worst mistakes, its coin flips, …</source>
        <translation>빠른 보기: 모델의 가장 나쁜 실수, 동전 던지기 같은 판정, …</translation>
    </message>
    <message>
        <source>Search the review text…</source>
        <translation>리뷰 본문 검색…</translation>
    </message>
    <message>
        <source>P(positive)</source>
        <translation>P(긍정)</translation>
    </message>
    <message>
        <source>to</source>
        <comment>P(positive) from ... to ...</comment>
        <translation>~</translation>
    </message>
    <message>
        <source>Train a model…</source>
        <translation>모델 훈련하기…</translation>
    </message>
    <message>
        <source>Predictions, right/wrong and the word colours need a trained model.</source>
        <translation>예측, 정답/오답, 단어 색을 보려면 훈련된 모델이 필요합니다.</translation>
    </message>
    <message>
        <source>Scoring every review</source>
        <translation>모든 리뷰 점수 계산</translation>
    </message>
    <message>
        <source>Could not compute the model&apos;s predictions: {message}</source>
        <translation>모델의 예측을 계산하지 못했습니다: {message}</translation>
    </message>
    <message>
        <source>Scoring the reviews</source>
        <translation>리뷰 점수 계산</translation>
    </message>
    <message>
        <source>“{preset}” needs the model&apos;s predictions: train a model first.</source>
        <translation>“{preset}”에는 모델의 예측이 필요합니다. 먼저 모델을 훈련하세요.</translation>
    </message>
    <message>
        <source>No dataset loaded yet: load or download it in the Train tab.</source>
        <translation>아직 데이터셋이 없습니다. 훈련 탭에서 불러오거나 내려받으세요.</translation>
    </message>
    <message>
        <source>&lt;1</source>
        <comment>milliseconds</comment>
        <translation>&lt;1</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} reviews (filtered in {took} ms).</source>
        <translation>리뷰 {total}개 중 {shown}개 표시 (필터링 {took}ms).</translation>
    </message>
    <message>
        <source>Computing the predictions of {model}…</source>
        <translation>예측을 계산하는 중: {model}…</translation>
    </message>
    <message>
        <source>Computing the model&apos;s predictions…</source>
        <translation>모델의 예측을 계산하는 중…</translation>
    </message>
    <message>
        <source>Predictions by {model}.</source>
        <translation>예측한 모델: {model}.</translation>
    </message>
    <message>
        <source>No model yet: predictions and right/wrong appear once a model is trained.</source>
        <translation>아직 모델이 없습니다. 모델을 훈련하면 예측과 정답/오답이 나타납니다.</translation>
    </message>
    <message>
        <source>No model yet: predictions and right/wrong appear once a model is trained. The prediction filters match nothing until then.</source>
        <translation>아직 모델이 없습니다. 모델을 훈련하면 예측과 정답/오답이 나타납니다. 그때까지 예측 필터에 맞는 리뷰는 없습니다.</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>리뷰</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
</context>
</TS>
