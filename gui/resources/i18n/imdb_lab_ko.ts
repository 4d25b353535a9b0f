<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
</TS>
