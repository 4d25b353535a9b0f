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
