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
    <name>Counted</name>
    <message numerus="yes">
        <source>Retraining for %n epoch(s) on all training reviews: building the model...</source>
        <translation>
            <numerusform>전체 훈련 리뷰로 %n 에포크 재훈련: 모델을 만드는 중...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retraining for %n epoch(s) on all training reviews...</source>
        <translation>
            <numerusform>전체 훈련 리뷰로 %n 에포크 재훈련하는 중...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training {model} (%n epoch(s))...</source>
        <translation>
            <numerusform>{model} 훈련 중 (%n 에포크)...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the saved run “{name}”: %n epoch(s), lowest validation loss at epoch {best}. Press Train for a new run.</source>
        <translation>
            <numerusform>저장된 실행 “{name}”을 보여 줍니다: %n 에포크, 검증 손실은 에포크 {best}에서 가장 낮음. 새로 실행하려면 훈련을 누르세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the saved run “{name}”: %n epoch(s). Press Train for a new run.</source>
        <translation>
            <numerusform>저장된 실행 “{name}”을 보여 줍니다: %n 에포크. 새로 실행하려면 훈련을 누르세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrain %n epoch(s) and test ({model})</source>
        <translation>
            <numerusform>%n 에포크 재훈련 후 테스트 ({model})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped by you after %n epoch(s) ({took}).</source>
        <translation>
            <numerusform>%n 에포크 후 사용자가 중지했습니다 ({took}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training failed after %n epoch(s) ({took}).</source>
        <translation>
            <numerusform>%n 에포크 후 훈련에 실패했습니다 ({took}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished %n epoch(s) in {took}.</source>
        <translation>
            <numerusform>%n 에포크를 {took}에 마쳤습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their saved models and per-epoch weights? This cannot be undone.</source>
        <translation>
            <numerusform>실행 %n개를 저장된 모델, 에포크별 가중치와 함께 삭제할까요? 되돌릴 수 없습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CurrentModel</name>
    <message>
        <source>unknown settings</source>
        <translation>알 수 없는 설정</translation>
    </message>
    <message>
        <source>custom (%1 %2)</source>
        <translation>사용자 설정 (%1 %2)</translation>
    </message>
    <message>
        <source>unnamed model</source>
        <translation>이름 없는 모델</translation>
    </message>
    <message>
        <source>%1, run %2</source>
        <translation>%1, 실행 %2</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>시드 %1</translation>
    </message>
    <message>
        <source>training, epoch %1 of %2</source>
        <translation>훈련 중, 에포크 %1/%2</translation>
    </message>
    <message>
        <source>epoch %1 of %2 (scrubbed)</source>
        <translation>에포크 %1/%2 (스크러버로 선택)</translation>
    </message>
    <message>
        <source>%1-word vocabulary</source>
        <translation>어휘 %1 단어</translation>
    </message>
    <message>
        <source>test accuracy %1</source>
        <translation>테스트 정확도 %1</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>테스트 안 함</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>the current model</source>
        <translation>현재 모델</translation>
    </message>
    <message>
        <source>run %1, epoch %2</source>
        <translation>실행 %1, 에포크 %2</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>Model: none yet (train one or open a model file)</source>
        <translation>모델: 아직 없음 (훈련하거나 모델 파일을 여세요)</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
</context>
<context>
    <name>DatasetLoader</name>
    <message>
        <source>The download failed because there is no network connection. Connect and press “Download dataset” again, or, if you have the archive (aclImdb_v1.tar.gz) or its extracted aclImdb folder, press “Open archive or folder...” beside it.</source>
        <translation>네트워크에 연결되어 있지 않아 다운로드하지 못했습니다. 연결한 뒤 “데이터셋 다운로드”를 다시 누르거나, 압축 파일(aclImdb_v1.tar.gz)이나 압축을 푼 aclImdb 폴더가 있으면 옆의 “압축 파일 또는 폴더 열기...”를 누르세요.</translation>
    </message>
    <message>
        <source>Loading the dataset...</source>
        <translation>데이터셋을 불러오는 중...</translation>
    </message>
    <message>
        <source>Loading the dataset</source>
        <translation>데이터셋 불러오기</translation>
    </message>
    <message>
        <source>Downloading the dataset</source>
        <translation>데이터셋 다운로드</translation>
    </message>
    <message>
        <source>Downloading the Keras copy</source>
        <translation>Keras 사본 다운로드</translation>
    </message>
    <message>
        <source>No dataset found: download it or open a copy.</source>
        <translation>데이터셋이 없습니다: 다운로드하거나 사본을 여세요.</translation>
    </message>
    <message>
        <source>Dataset ready: %1 reviews.</source>
        <translation>데이터셋 준비 완료: 리뷰 %1개.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>Loading TensorFlow...</source>
        <translation>TensorFlow 불러오는 중...</translation>
    </message>
    <message>
        <source>Loading TensorFlow</source>
        <translation>TensorFlow 불러오기</translation>
    </message>
    <message>
        <source>TensorFlow is ready.</source>
        <translation>TensorFlow가 준비되었습니다.</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <source>The Stanford archive (aclImdb)</source>
        <translation>스탠퍼드 압축 파일 (aclImdb)</translation>
    </message>
    <message>
        <source>The book&apos;s copy (keras.datasets.imdb)</source>
        <translation>책의 사본 (keras.datasets.imdb)</translation>
    </message>
    <message>
        <source>Download the Keras copy (17 MB)</source>
        <translation>Keras 사본 다운로드 (17 MB)</translation>
    </message>
    <message>
        <source>Download imdb.npz and imdb_word_index.json from Keras&apos;s official address (storage.googleapis.com) into Keras&apos;s cache folder, and check them.</source>
        <translation>Keras 공식 주소(storage.googleapis.com)에서 imdb.npz와 imdb_word_index.json을 Keras 캐시 폴더로 내려받고 검사합니다.</translation>
    </message>
    <message>
        <source>Use the Keras copy</source>
        <translation>Keras 사본 사용</translation>
    </message>
    <message>
        <source>Back to the tabs</source>
        <translation>탭으로 돌아가기</translation>
    </message>
    <message>
        <source>Download dataset (84 MB)</source>
        <translation>데이터셋 다운로드 (84 MB)</translation>
    </message>
    <message>
        <source>Download aclImdb_v1.tar.gz from ai.stanford.edu into the app&apos;s data folder.</source>
        <translation>ai.stanford.edu에서 aclImdb_v1.tar.gz를 앱의 데이터 폴더로 내려받습니다.</translation>
    </message>
    <message>
        <source>Open archive or folder...</source>
        <translation>압축 파일 또는 폴더 열기...</translation>
    </message>
    <message>
        <source>Archive (.tar.gz)...</source>
        <translation>압축 파일 (.tar.gz)...</translation>
    </message>
    <message>
        <source>Extracted aclImdb folder...</source>
        <translation>압축을 푼 aclImdb 폴더...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Tip: set the environment variable &lt;tt&gt;%1&lt;/tt&gt; to the archive or folder to skip this step (useful on shared machines and in scripts).</source>
        <translation>팁: 환경 변수 &lt;tt&gt;%1&lt;/tt&gt;에 압축 파일이나 폴더를 지정하면 이 단계를 건너뜁니다 (공용 컴퓨터나 스크립트에서 유용).</translation>
    </message>
    <message>
        <source>Choose the dataset</source>
        <translation>데이터셋 선택</translation>
    </message>
    <message>
        <source>Welcome to IMDB Sentiment Lab</source>
        <translation>IMDB 감성 분석 실습에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>&lt;p&gt;This app trains the movie-review classifier of &lt;i&gt;Deep Learning with Python&lt;/i&gt;, section 3.4, on the Large Movie Review Dataset (50,000 IMDb reviews, half of them for training, half for testing).&lt;/p&gt;&lt;p&gt;Choose where the reviews come from. The Stanford archive has the reviews&apos; full text (84 MB: download it, or open the &lt;tt&gt;aclImdb_v1.tar.gz&lt;/tt&gt; archive or its extracted &lt;tt&gt;aclImdb&lt;/tt&gt; folder; preparing it takes up to about 15 seconds the first time and under a second afterwards). The book&apos;s copy is the one &lt;tt&gt;keras.datasets.imdb.load_data&lt;/tt&gt; reads: the same reviews, already turned into word indices (17 MB, in Keras&apos;s cache folder).&lt;/p&gt;</source>
        <translation>&lt;p&gt;이 앱은 &lt;i&gt;케라스 창시자에게 배우는 딥러닝&lt;/i&gt;(Deep Learning with Python) 3.4절의 영화 리뷰 분류기를 Large Movie Review Dataset(IMDb 리뷰 50,000개, 절반은 훈련용, 절반은 테스트용)으로 훈련합니다.&lt;/p&gt;&lt;p&gt;리뷰를 어디서 가져올지 고르세요. 스탠퍼드 압축 파일에는 리뷰 원문이 들어 있습니다(84 MB: 내려받거나 &lt;tt&gt;aclImdb_v1.tar.gz&lt;/tt&gt; 압축 파일 또는 압축을 푼 &lt;tt&gt;aclImdb&lt;/tt&gt; 폴더를 여세요. 처음에는 준비에 15초쯤, 그다음부터는 1초도 걸리지 않습니다). 책의 사본은 &lt;tt&gt;keras.datasets.imdb.load_data&lt;/tt&gt;가 읽는 것으로, 같은 리뷰가 이미 단어 인덱스로 바뀌어 있습니다(17 MB, Keras 캐시 폴더).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Found imdb.npz and imdb_word_index.json in %1; they are checked against Keras&apos;s published checksums before use.</source>
        <translation>%1에서 imdb.npz와 imdb_word_index.json을 찾았습니다. 사용하기 전에 Keras가 공개한 체크섬으로 검사합니다.</translation>
    </message>
    <message>
        <source>Not found yet in %1: %2. Download them, or put them there yourself.</source>
        <translation>%1에 아직 없음: %2. 내려받거나 직접 넣어 두세요.</translation>
    </message>
    <message>
        <source>Not found yet in %1: %2 and %3. Download them, or put them there yourself.</source>
        <translation>%1에 아직 없음: %2, %3. 내려받거나 직접 넣어 두세요.</translation>
    </message>
    <message>
        <source>Open the IMDB archive or your own reviews</source>
        <translation>IMDB 압축 파일이나 직접 준비한 리뷰 열기</translation>
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
        <source>Open the extracted aclImdb folder</source>
        <translation>압축을 푼 aclImdb 폴더 열기</translation>
    </message>
</context>
<context>
    <name>EpochScrubber</name>
    <message>
        <source>Validation reviews whose label flips after the best epoch</source>
        <translation>최적 에포크 이후 레이블이 바뀌는 검증 리뷰</translation>
    </message>
    <message>
        <source>Use final model</source>
        <translation>최종 모델 사용</translation>
    </message>
    <message>
        <source>Go back to the run&apos;s saved model (after all epochs).</source>
        <translation>실행의 저장된 모델(모든 에포크 후)로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Double-click a review to open it in the Reviews tab.</source>
        <translation>리뷰를 더블클릭하면 리뷰 탭에서 열립니다.</translation>
    </message>
    <message>
        <source>Select a review to read it here.</source>
        <translation>리뷰를 선택하면 여기에서 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <source>No saved epochs.</source>
        <translation>저장된 에포크가 없습니다.</translation>
    </message>
    <message>
        <source>No run selected.</source>
        <translation>선택된 실행이 없습니다.</translation>
    </message>
    <message>
        <source>{epoch} of {epochs} (best: {best})</source>
        <translation>{epoch} / {epochs} (최적: {best})</translation>
    </message>
    <message>
        <source>{epoch} of {epochs}</source>
        <translation>{epoch} / {epochs}</translation>
    </message>
    <message>
        <source>Showing the model as it was after epoch {epoch}.</source>
        <translation>에포크 {epoch} 직후의 모델을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Validation reviews whose label flips after the best epoch: needs a run with saved epochs and the dataset.</source>
        <translation>최적 에포크 이후 레이블이 바뀌는 검증 리뷰: 에포크가 저장된 실행과 데이터셋이 필요합니다.</translation>
    </message>
    <message>
        <source>Finding the validation reviews whose label flips...</source>
        <translation>레이블이 바뀌는 검증 리뷰를 찾는 중...</translation>
    </message>
    <message>
        <source>Finding label flips</source>
        <translation>레이블 변화 찾기</translation>
    </message>
    <message>
        <source>Label flips unavailable: {reason}</source>
        <translation>레이블 변화를 볼 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Finding flips</source>
        <translation>레이블 변화 찾기</translation>
    </message>
    <message>
        <source>{count} validation reviews change label between the best epoch ({best}) and the last ({last}); {wrong} of them become wrong. Double-click one to open it in the Reviews tab.</source>
        <translation>검증 리뷰 {count}개의 레이블이 최적 에포크({best})와 마지막 에포크({last}) 사이에 바뀌고, 그중 {wrong}개는 오답이 됩니다. 더블클릭하면 리뷰 탭에서 열립니다.</translation>
    </message>
    <message>
        <source>became wrong: positive review, p {before} → {after}: {text}</source>
        <translation>오답이 됨: 긍정 리뷰, p {before} → {after}: {text}</translation>
    </message>
    <message>
        <source>became wrong: negative review, p {before} → {after}: {text}</source>
        <translation>오답이 됨: 부정 리뷰, p {before} → {after}: {text}</translation>
    </message>
    <message>
        <source>became right: positive review, p {before} → {after}: {text}</source>
        <translation>정답이 됨: 긍정 리뷰, p {before} → {after}: {text}</translation>
    </message>
    <message>
        <source>became right: negative review, p {before} → {after}: {text}</source>
        <translation>정답이 됨: 부정 리뷰, p {before} → {after}: {text}</translation>
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
    <name>GlossaryButton</name>
    <message>
        <source>%1&lt;br&gt;&lt;i&gt;Click for the glossary.&lt;/i&gt;</source>
        <translation>%1&lt;br&gt;&lt;i&gt;누르면 용어집이 열립니다.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>François Chollet, &lt;i&gt;Deep Learning with Python&lt;/i&gt;, Manning, 2017: section 3.4, “Classifying movie reviews: a binary classification example”.</source>
        <translation>프랑소와 숄레, &lt;i&gt;Deep Learning with Python&lt;/i&gt;(케라스 창시자에게 배우는 딥러닝), Manning, 2017: 3.4절 “영화 리뷰 분류: 이진 분류 예제”.</translation>
    </message>
    <message>
        <source>1. The IMDB dataset</source>
        <translation>1. IMDB 데이터셋</translation>
    </message>
    <message>
        <source>Reviews tab; File → Change dataset...</source>
        <translation>리뷰 탭; 파일 → 데이터셋 바꾸기...</translation>
    </message>
    <message>
        <source>50,000 reviews, half for training and half for testing, each labelled positive or negative. The book loads Keras&apos;s copy, already turned into word indices; the app reads the Stanford archive by default, or that same copy.</source>
        <translation>리뷰 50,000개로, 절반은 훈련용, 절반은 테스트용이며 각각 긍정 또는 부정 레이블이 붙어 있습니다. 책은 이미 단어 인덱스로 바뀐 Keras 사본을 불러오고, 이 앱은 기본으로 스탠퍼드 압축 파일을 읽거나 같은 사본을 읽습니다.</translation>
    </message>
    <message>
        <source>2. Preparing the data</source>
        <translation>2. 데이터 준비</translation>
    </message>
    <message>
        <source>Reviews tab → a review → “As numbers”</source>
        <translation>리뷰 탭 → 리뷰 하나 → “숫자로 보기”</translation>
    </message>
    <message>
        <source>Each review becomes a list of word indices, then a multi-hot vector of 10,000 zeros and ones: 1 where the review uses that word.</source>
        <translation>각 리뷰는 단어 인덱스의 리스트가 되고, 다시 0과 1로 된 10,000차원 멀티-핫 벡터가 됩니다: 리뷰에 쓰인 단어 자리가 1입니다.</translation>
    </message>
    <message>
        <source>3. Building your model</source>
        <translation>3. 모델 만들기</translation>
    </message>
    <message>
        <source>Train tab: the settings and the model summary</source>
        <translation>훈련 탭: 설정과 모델 요약</translation>
    </message>
    <message>
        <source>Two Dense layers of 16 units with relu, then one sigmoid unit that outputs the probability that the review is positive.</source>
        <translation>relu를 쓰는 16유닛 Dense 층 두 개, 그리고 리뷰가 긍정일 확률을 출력하는 시그모이드 유닛 하나.</translation>
    </message>
    <message>
        <source>4. Compiling</source>
        <translation>4. 컴파일</translation>
    </message>
    <message>
        <source>Train tab: loss, optimizer, learning rate</source>
        <translation>훈련 탭: 손실, 옵티마이저, 학습률</translation>
    </message>
    <message>
        <source>rmsprop, binary cross-entropy, and accuracy to watch.</source>
        <translation>rmsprop, 이진 크로스엔트로피, 그리고 지켜볼 지표로 정확도.</translation>
    </message>
    <message>
        <source>5. Validating your approach</source>
        <translation>5. 훈련 검증</translation>
    </message>
    <message>
        <source>Train tab: Train, and the loss and accuracy plots</source>
        <translation>훈련 탭: 훈련, 그리고 손실과 정확도 그래프</translation>
    </message>
    <message>
        <source>10,000 training reviews are set apart. Training loss keeps falling; validation loss falls, then rises: the model starts memorising its training reviews (overfitting). The plots say when.</source>
        <translation>훈련 리뷰 10,000개를 따로 떼어 둡니다. 훈련 손실은 계속 줄지만 검증 손실은 줄다가 다시 늘어납니다: 모델이 훈련 리뷰를 외우기 시작하는 것입니다(과대적합). 그래프가 그 시점을 보여 줍니다.</translation>
    </message>
    <message>
        <source>6. Retraining and testing</source>
        <translation>6. 재훈련과 테스트</translation>
    </message>
    <message>
        <source>Train tab: “Retrain best N and test”; Evaluation tab</source>
        <translation>훈련 탭: “최적 N 에포크로 재훈련 후 테스트”; 평가 탭</translation>
    </message>
    <message>
        <source>A fresh model is trained for the epoch count where validation loss was lowest (4 in the book) on all 25,000 training reviews, then tested once on the 25,000 test reviews: about 88% accuracy.</source>
        <translation>검증 손실이 가장 낮았던 에포크 수(책에서는 4)만큼 새 모델을 훈련 리뷰 25,000개 전체로 훈련한 뒤, 테스트 리뷰 25,000개로 한 번 테스트합니다: 정확도 약 88%.</translation>
    </message>
    <message>
        <source>7. Using a trained model on new data</source>
        <translation>7. 훈련된 모델로 새 데이터 예측하기</translation>
    </message>
    <message>
        <source>Predict tab</source>
        <translation>예측 탭</translation>
    </message>
    <message>
        <source>Type a review and see the probability, and which words pushed it.</source>
        <translation>리뷰를 입력하면 확률과 그 확률을 움직인 단어가 보입니다.</translation>
    </message>
    <message>
        <source>8. Further experiments</source>
        <translation>8. 추가 실험</translation>
    </message>
    <message>
        <source>Train tab presets; Runs tab</source>
        <translation>훈련 탭 프리셋; 실행 기록 탭</translation>
    </message>
    <message>
        <source>One or three hidden layers, 32 or 64 units, mse instead of binary cross-entropy, tanh instead of relu; compare the runs&apos; curves in the Runs tab.</source>
        <translation>은닉층 한 개 또는 세 개, 은닉 유닛 32개 또는 64개, 이진 크로스엔트로피 대신 mse, relu 대신 tanh; 실행 기록 탭에서 실행별 곡선을 비교하세요.</translation>
    </message>
    <message>
        <source>The code behind the clicks</source>
        <translation>클릭 뒤의 코드</translation>
    </message>
    <message>
        <source>Train tab → “Show the Keras code”; File menu</source>
        <translation>훈련 탭 → “Keras 코드 보기”; 파일 메뉴</translation>
    </message>
    <message>
        <source>The same steps, with your settings, as a standalone Keras script you can run.</source>
        <translation>같은 단계를 여러분의 설정으로, 바로 실행할 수 있는 독립 Keras 스크립트로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>One number for how wrong the model&apos;s outputs are on a set of reviews; training changes the weights to make it smaller. Lower is better.</source>
        <translation>리뷰 묶음에서 모델 출력이 얼마나 틀렸는지를 나타내는 하나의 숫자입니다. 훈련은 이 값을 줄이도록 가중치를 바꿉니다. 낮을수록 좋습니다.</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>이진 크로스엔트로피</translation>
    </message>
    <message>
        <source>The loss for yes/no outputs: −log of the probability the model gave to the right answer, averaged over the reviews. Saying 0.99 for a negative review costs much more than saying 0.6.</source>
        <translation>예/아니요 출력을 위한 손실: 모델이 정답에 준 확률의 −log를 리뷰에 걸쳐 평균한 값입니다. 부정 리뷰에 0.99라고 하면 0.6이라고 할 때보다 훨씬 큰 손실이 됩니다.</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>The share of reviews whose verdict (probability above 0.5 = positive) is right.</source>
        <translation>판정(확률 0.5 초과 = 긍정)이 맞은 리뷰의 비율.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Training reviews set apart and never trained on, to watch how the model does on reviews it has not seen, epoch by epoch. The test reviews are kept for the very end.</source>
        <translation>훈련에 쓰지 않고 떼어 둔 훈련 리뷰로, 모델이 처음 보는 리뷰에서 어떻게 하는지 에포크마다 지켜봅니다. 테스트 리뷰는 맨 마지막을 위해 남겨 둡니다.</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>One pass of training over all the training reviews.</source>
        <translation>모든 훈련 리뷰를 한 번 훑는 훈련.</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>The reviews the model looks at before each weight update (512 in the book); an epoch is many batches.</source>
        <translation>가중치를 한 번 업데이트하기 전에 모델이 보는 리뷰들(책에서는 512개). 한 에포크는 여러 배치로 이루어집니다.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Of the reviews the model calls positive, the share that really are positive.</source>
        <translation>모델이 긍정이라고 한 리뷰 중 실제로 긍정인 비율.</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>Of the reviews that really are positive, the share the model calls positive.</source>
        <translation>실제로 긍정인 리뷰 중 모델이 긍정이라고 한 비율.</translation>
    </message>
    <message>
        <source>ROC curve and AUC</source>
        <translation>ROC 곡선과 AUC</translation>
    </message>
    <message>
        <source>The ROC curve shows, for every threshold instead of 0.5, the share of positive reviews found against the share of negative ones wrongly called positive. AUC, the area under it, is the chance that a random positive review gets a higher probability than a random negative one (0.5 = guessing, 1 = perfect).</source>
        <translation>ROC 곡선은 0.5 대신 모든 임계값에 대해, 찾아낸 긍정 리뷰의 비율과 긍정으로 잘못 판정한 부정 리뷰의 비율을 보여 줍니다. 그 아래 넓이인 AUC는 무작위로 고른 긍정 리뷰가 무작위 부정 리뷰보다 높은 확률을 받을 가능성입니다(0.5 = 찍기, 1 = 완벽).</translation>
    </message>
    <message>
        <source>Multi-hot</source>
        <translation>멀티-핫</translation>
    </message>
    <message>
        <source>A review as 10,000 zeros and ones, one per word of the vocabulary: 1 when the review uses the word at least once. Word order and counts are lost.</source>
        <translation>어휘의 단어마다 하나씩, 0과 1 10,000개로 나타낸 리뷰: 리뷰에 그 단어가 한 번이라도 나오면 1입니다. 단어 순서와 횟수는 사라집니다.</translation>
    </message>
    <message>
        <source>The dataset&apos;s splits</source>
        <translation>데이터셋 분할</translation>
    </message>
    <message>
        <source>25,000 training reviews and 25,000 test reviews, half positive and half negative each. 10,000 of the training reviews are held out for validation; the model is tested once, at the end, on the test reviews.</source>
        <translation>훈련 리뷰 25,000개와 테스트 리뷰 25,000개로, 각각 절반은 긍정, 절반은 부정입니다. 훈련 리뷰 중 10,000개는 검증용으로 떼어 두고, 모델은 마지막에 테스트 리뷰로 한 번 테스트합니다.</translation>
    </message>
    <message>
        <source>The section, step by step</source>
        <translation>3.4절 단계별 안내</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>설치 안 됨</translation>
    </message>
    <message>
        <source>IMDB Sentiment Lab</source>
        <translation>IMDB 감성 분석 실습</translation>
    </message>
    <message>
        <source>Train, watch and try the movie-review classifier of the book:</source>
        <translation>책의 영화 리뷰 분류기를 훈련하고, 지켜보고, 직접 써 보세요:</translation>
    </message>
    <message>
        <source>The Large Movie Review Dataset is by Maas et al.; its README asks that you cite:</source>
        <translation>Large Movie Review Dataset은 Maas 등이 만들었으며, README에서 다음 인용을 요청합니다:</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>IMDB Sentiment Lab: help</source>
        <translation>IMDB 감성 분석 실습: 도움말</translation>
    </message>
    <message>
        <source>The section, step by step</source>
        <translation>3.4절 단계별 안내</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
    <message>
        <source>About IMDB Sentiment Lab</source>
        <translation>IMDB 감성 분석 실습 정보</translation>
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
    <name>HistoryPlots</name>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>From epoch {next} the model keeps getting better on its training reviews and worse on reviews it has not seen: it is memorising them.</source>
        <translation>에포크 {next}부터 모델은 훈련 리뷰에서는 계속 나아지지만 처음 보는 리뷰에서는 나빠집니다. 훈련 리뷰를 외우고 있는 것입니다(과대적합).</translation>
    </message>
    <message>
        <source>The book stops at epoch {book}.</source>
        <translation>책은 에포크 {book}에서 멈춥니다.</translation>
    </message>
    <message>
        <source>The book stops at epoch {book}, where its validation loss was lowest; this run&apos;s was lowest at epoch {best}.</source>
        <translation>책은 검증 손실이 가장 낮았던 에포크 {book}에서 멈춥니다. 이 실행은 에포크 {best}에서 가장 낮았습니다.</translation>
    </message>
    <message>
        <source>Log scale (loss)</source>
        <translation>로그 눈금 (손실)</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis, which makes the late,
small changes and the start of overfitting easier to see.</source>
        <translation>손실을 로그 축으로 보여 줍니다. 후반의 작은 변화와
과대적합이 시작되는 지점을 보기 쉬워집니다.</translation>
    </message>
    <message>
        <source>Export loss PNG...</source>
        <translation>손실 PNG 내보내기...</translation>
    </message>
    <message>
        <source>Export accuracy PNG...</source>
        <translation>정확도 PNG 내보내기...</translation>
    </message>
    <message>
        <source>Export history CSV...</source>
        <translation>기록 CSV 내보내기...</translation>
    </message>
</context>
<context>
    <name>KerasCodeDialog</name>
    <message>
        <source>The Keras code behind these settings</source>
        <translation>이 설정의 Keras 코드</translation>
    </message>
    <message>
        <source>A complete script that does what the app does with these settings, in the book&apos;s order. It needs only keras (with TensorFlow) and numpy; its last line of output is the test accuracy. Same as &lt;tt&gt;python main.py script&lt;/tt&gt;.</source>
        <translation>이 설정으로 앱이 하는 일을 책의 순서대로 하는 완전한 스크립트입니다. keras(TensorFlow 포함)와 numpy만 있으면 되며, 마지막 출력 줄이 테스트 정확도입니다. &lt;tt&gt;python main.py script&lt;/tt&gt;와 같습니다.</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>데이터:</translation>
    </message>
    <message>
        <source>Stanford archive (an aclImdb folder)</source>
        <translation>스탠퍼드 압축 파일 (aclImdb 폴더)</translation>
    </message>
    <message>
        <source>The book&apos;s copy (keras.datasets.imdb)</source>
        <translation>책의 사본 (keras.datasets.imdb)</translation>
    </message>
    <message>
        <source>Your reviews (%1)</source>
        <translation>직접 준비한 리뷰 (%1)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Save as...</source>
        <translation>다른 이름으로 저장...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <source>Save the Keras script</source>
        <translation>Keras 스크립트 저장</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1에 쓸 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1에 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>KerasExport</name>
    <message>
        <source>Exporting the Keras model (TensorFlow is loading)...</source>
        <translation>Keras 모델 내보내는 중 (TensorFlow 불러오는 중)...</translation>
    </message>
    <message>
        <source>Keras model exported to %1.</source>
        <translation>Keras 모델을 %1(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <source>The export failed (%1).</source>
        <translation>내보내기에 실패했습니다 (%1).</translation>
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
    <name>MetricPlot</name>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>lowest val loss: epoch {epoch}
{metric} {value}</source>
        <translation>최저 검증 손실: 에포크 {epoch}
{metric} {value}</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>에포크 {epoch}</translation>
    </message>
    <message>
        <source>training {metric}: {value}</source>
        <translation>훈련 {metric}: {value}</translation>
    </message>
    <message>
        <source>validation {metric}: {value}</source>
        <translation>검증 {metric}: {value}</translation>
    </message>
    <message>
        <source>in use: epoch {epoch}</source>
        <translation>사용 중: 에포크 {epoch}</translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <source>IMDB Sentiment Lab model</source>
        <translation>IMDB 감성 분석 실습 모델</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>모든 파일</translation>
    </message>
    <message>
        <source>Model archive</source>
        <translation>모델 압축 파일</translation>
    </message>
    <message>
        <source>Model folder&apos;s config.json</source>
        <translation>모델 폴더의 config.json</translation>
    </message>
    <message>
        <source>Note: this model reads %1 words and the dataset was prepared with %2; its words are matched by spelling.</source>
        <translation>참고: 이 모델은 %1개 단어를 읽고 데이터셋은 %2개 단어로 준비되었습니다. 단어는 철자로 맞춥니다.</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>파일 %1</translation>
    </message>
    <message>
        <source>Opened the model %1.</source>
        <translation>모델 %1을(를) 열었습니다.</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>모델 파일 열기</translation>
    </message>
    <message>
        <source>Open model file</source>
        <translation>모델 파일 열기</translation>
    </message>
    <message>
        <source>There is no model yet: train one or open a model file.</source>
        <translation>아직 모델이 없습니다: 훈련하거나 모델 파일을 여세요.</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <source>Model exported to %1.</source>
        <translation>모델을 %1(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <source>Export Keras model</source>
        <translation>Keras 모델 내보내기</translation>
    </message>
    <message>
        <source>Keras model</source>
        <translation>Keras 모델</translation>
    </message>
</context>
<context>
    <name>ModelTexts</name>
    <message>
        <source>retrained on all training reviews, ? epochs</source>
        <translation>전체 훈련 리뷰로 재훈련, ? 에포크</translation>
    </message>
    <message numerus="yes">
        <source>retrained on all training reviews, %n epoch(s)</source>
        <translation>
            <numerusform>전체 훈련 리뷰로 재훈련, %n 에포크</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n epoch(s)</source>
        <translation>
            <numerusform>%n 에포크 후</numerusform>
        </translation>
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
    <name>OverlayPainter</name>
    <message>
        <source>&lt;b&gt;Overlaid:&lt;/b&gt; {runs}</source>
        <translation>&lt;b&gt;겹쳐 그림:&lt;/b&gt; {runs}</translation>
    </message>
    <message>
        <source>Solid lines: validation, dashed lines: training.</source>
        <translation>실선: 검증, 점선: 훈련.</translation>
    </message>
    <message>
        <source>{name} (on the plots)</source>
        <translation>{name} (그래프에 표시 중)</translation>
    </message>
    <message>
        <source>{name} (current)</source>
        <translation>{name} (현재)</translation>
    </message>
    <message>
        <source>{name} validation</source>
        <translation>{name} 검증</translation>
    </message>
    <message>
        <source>{name} training</source>
        <translation>{name} 훈련</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>{name}: mean of the seeds, band from min to max</source>
        <translation>{name}: 시드 평균, 띠는 최소~최대</translation>
    </message>
    <message>
        <source>{name} mean validation (min-max band)</source>
        <translation>{name} 평균 검증 (최소-최대 띠)</translation>
    </message>
    <message>
        <source>{name} mean training (min-max band)</source>
        <translation>{name} 평균 훈련 (최소-최대 띠)</translation>
    </message>
    <message>
        <source>Run {id}</source>
        <translation>실행 {id}</translation>
    </message>
</context>
<context>
    <name>OwnDataDialog</name>
    <message>
        <source>Open your own reviews</source>
        <translation>직접 준비한 리뷰 열기</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(자동)</translation>
    </message>
    <message>
        <source>none: a share of the training file is held out</source>
        <translation>없음: 훈련 파일의 일부를 떼어 둡니다</translation>
    </message>
    <message>
        <source>midpoint of the ratings</source>
        <translation>평점의 중간값</translation>
    </message>
    <message>
        <source>Ratings above this are positive; 0/1 labels ignore it.</source>
        <translation>이보다 높은 평점은 긍정입니다. 0/1 레이블에는 쓰이지 않습니다.</translation>
    </message>
    <message>
        <source>Held out for testing when there is no test file or split column.</source>
        <translation>테스트 파일이나 split 열이 없을 때 테스트용으로 떼어 두는 비율.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Training file</source>
        <translation>훈련 파일</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Test file</source>
        <translation>테스트 파일</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>텍스트 열</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>레이블 열</translation>
    </message>
    <message>
        <source>Rating threshold</source>
        <translation>평점 임계값</translation>
    </message>
    <message>
        <source>Held-out test share</source>
        <translation>테스트용 비율</translation>
    </message>
    <message>
        <source>Your own reviews</source>
        <translation>직접 준비한 리뷰</translation>
    </message>
    <message>
        <source>IMDB archive</source>
        <translation>IMDB 압축 파일</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>모든 파일</translation>
    </message>
    <message>
        <source>Training reviews</source>
        <translation>훈련 리뷰</translation>
    </message>
    <message>
        <source>Test reviews</source>
        <translation>테스트 리뷰</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>(empty name, column %1)</source>
        <translation>(이름 없음, %1열)</translation>
    </message>
    <message>
        <source>A folder of pos/ and neg/ reviews: no columns to choose.</source>
        <translation>pos/와 neg/ 리뷰 폴더: 고를 열이 없습니다.</translation>
    </message>
    <message>
        <source>The first row does not name the text and label columns: pick them.</source>
        <translation>첫 줄에 텍스트 열과 레이블 열의 이름이 없습니다: 직접 고르세요.</translation>
    </message>
    <message>
        <source>Text: column %1 (%2), label: column %3 (%4); the first row is read as a review.</source>
        <translation>텍스트: %1열 (%2), 레이블: %3열 (%4). 첫 줄도 리뷰로 읽습니다.</translation>
    </message>
    <message>
        <source>Text: column %1 (%2), label: column %3 (%4)</source>
        <translation>텍스트: %1열 (%2), 레이블: %3열 (%4)</translation>
    </message>
    <message>
        <source>JSON Lines. %1</source>
        <translation>JSON Lines. %1</translation>
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
    <name>RunStatus</name>
    <message>
        <source>Not trained yet. Choose settings and press Train.</source>
        <translation>아직 훈련하지 않았습니다. 설정을 고르고 훈련을 누르세요.</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{total} · validating</source>
        <translation>에포크 {epoch}/{total} · 검증 중</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{total} · validating · elapsed {elapsed}</source>
        <translation>에포크 {epoch}/{total} · 검증 중 · 경과 {elapsed}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{total} · batch {batch}/{batches}</source>
        <translation>에포크 {epoch}/{total} · 배치 {batch}/{batches}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{total} · batch {batch}/{batches} · elapsed {elapsed} · ETA {eta}</source>
        <translation>에포크 {epoch}/{total} · 배치 {batch}/{batches} · 경과 {elapsed} · 남은 시간 {eta}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test set ({reviews} reviews)&lt;/b&gt; after retraining {epochs} epochs on all training reviews:&lt;br&gt;&lt;span style=&apos;font-size:15pt&apos;&gt;&lt;b&gt;accuracy {accuracy}&lt;/b&gt;&lt;/span&gt; &amp;nbsp; loss {loss} &amp;nbsp;&amp;nbsp; book&apos;s reference: accuracy {book} ({diff})</source>
        <translation>전체 훈련 리뷰로 {epochs} 에포크 재훈련한 뒤 &lt;b&gt;테스트 세트(리뷰 {reviews}개)&lt;/b&gt;:&lt;br&gt;&lt;span style=&apos;font-size:15pt&apos;&gt;&lt;b&gt;정확도 {accuracy}&lt;/b&gt;&lt;/span&gt; &amp;nbsp; 손실 {loss} &amp;nbsp;&amp;nbsp; 책의 기준: 정확도 {book} ({diff})</translation>
    </message>
</context>
<context>
    <name>RunsTab</name>
    <message>
        <source>Now using the model of {name}.</source>
        <translation>이제 {name}의 모델을 사용합니다.</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <source>A run needs a non-empty name.</source>
        <translation>실행 이름은 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <source>Export run history</source>
        <translation>실행 기록 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Saved the run history to {path}.</source>
        <translation>실행 기록을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Load the dataset before repeating a run.</source>
        <translation>실행을 반복하기 전에 데이터셋을 불러오세요.</translation>
    </message>
    <message>
        <source>{name} repeat</source>
        <translation>{name} 반복</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Repeating the run</source>
        <translation>실행 반복</translation>
    </message>
    <message>
        <source>Training {model} with {count} seeds…</source>
        <translation>{model}을(를) 시드 {count}개로 훈련하는 중…</translation>
    </message>
    <message>
        <source>Test accuracy over {n} seeds {models}: mean {mean}, min {min}, max {max} (spread {spread} points). Differences between experiments smaller than this spread may be noise. The book&apos;s protocol (Train, then “Retrain best N and test”) retrains for the best epoch count and scores higher.</source>
        <translation>시드 {n}개의 테스트 정확도 {models}: 평균 {mean}, 최소 {min}, 최대 {max} (차이 {spread}%p). 실험 간 차이가 이 폭보다 작으면 잡음일 수 있습니다. 책의 절차(훈련한 뒤 “최적 N 에포크로 재훈련 후 테스트”)는 최적 에포크 수로 다시 훈련하므로 점수가 더 높습니다.</translation>
    </message>
    <message>
        <source>The repeat stopped before a run finished.</source>
        <translation>실행이 끝나기 전에 반복이 멈췄습니다.</translation>
    </message>
    <message>
        <source>The repeat was stopped.</source>
        <translation>반복을 중지했습니다.</translation>
    </message>
    <message>
        <source>(each seed&apos;s final model)</source>
        <translation>(시드별 최종 모델)</translation>
    </message>
    <message>
        <source>(each seed&apos;s model after early stopping, not retrained as in the book)</source>
        <translation>(시드별 조기 종료 후 모델, 책처럼 재훈련하지 않음)</translation>
    </message>
    <message>
        <source>(each seed trained {epochs} epochs on all training reviews)</source>
        <translation>(시드마다 전체 훈련 리뷰로 {epochs} 에포크 훈련)</translation>
    </message>
    <message>
        <source>after all {epochs} epochs (each seed&apos;s final, overfitted model)</source>
        <translation>{epochs} 에포크를 모두 마친 뒤 (시드별 과대적합된 최종 모델)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>구성</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>최적 에포크</translation>
    </message>
    <message>
        <source>Best val. accuracy</source>
        <translation>최고 검증 정확도</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes}분 {seconds}초</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Reload the history.</source>
        <translation>기록을 다시 읽어 옵니다.</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>이 모델 사용</translation>
    </message>
    <message>
        <source>Make this run&apos;s saved model the current model of every tab.</source>
        <translation>이 실행의 저장된 모델을 모든 탭의 현재 모델로 만듭니다.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Give the run a new name.</source>
        <translation>실행에 새 이름을 붙입니다.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Delete the run and its files.</source>
        <translation>실행과 그 파일을 삭제합니다.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Save the history as a CSV file.</source>
        <translation>기록을 CSV 파일로 저장합니다.</translation>
    </message>
    <message>
        <source>Repeat ×3</source>
        <translation>3번 반복</translation>
    </message>
    <message>
        <source>Train this configuration with 3 seeds to see how much results vary.</source>
        <translation>이 구성을 시드 3개로 훈련해 결과가 얼마나 달라지는지 봅니다.</translation>
    </message>
    <message>
        <source>Stop repeat</source>
        <translation>반복 중지</translation>
    </message>
    <message>
        <source>Stop the repeat after the current batch.</source>
        <translation>현재 배치가 끝나면 반복을 멈춥니다.</translation>
    </message>
    <message>
        <source>Clear overlay</source>
        <translation>겹쳐 그리기 지우기</translation>
    </message>
    <message>
        <source>Remove overlaid runs from the plots.</source>
        <translation>그래프에서 겹쳐 그린 실행을 지웁니다.</translation>
    </message>
    <message>
        <source>Overlay selected runs on the Train plots</source>
        <translation>선택한 실행을 훈련 그래프에 겹쳐 그리기</translation>
    </message>
    <message>
        <source>Reading the run history</source>
        <translation>실행 기록 읽기</translation>
    </message>
    <message>
        <source>Tested after all {epochs} epochs (the final, overfitted model); the book&apos;s protocol retrains the best epoch count first and scores higher.</source>
        <translation>{epochs} 에포크를 모두 마친 뒤(과대적합된 최종 모델) 테스트했습니다. 책의 절차는 먼저 최적 에포크 수로 재훈련하므로 점수가 더 높습니다.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Book (16-16)</source>
        <translation>책 (16-16)</translation>
    </message>
    <message>
        <source>1 hidden layer</source>
        <translation>은닉층 1개</translation>
    </message>
    <message>
        <source>3 hidden layers</source>
        <translation>은닉층 3개</translation>
    </message>
    <message>
        <source>32 units</source>
        <translation>유닛 32개</translation>
    </message>
    <message>
        <source>64 units</source>
        <translation>유닛 64개</translation>
    </message>
    <message>
        <source>mse loss</source>
        <translation>mse 손실</translation>
    </message>
    <message>
        <source>tanh activation</source>
        <translation>tanh 활성화</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>사용자 정의</translation>
    </message>
    <message>
        <source>Start from the book&apos;s model or one of the chapter&apos;s suggested experiments.
The book ends section 3.4 by suggesting 1 or 3 hidden layers, 32 or 64 units,
the mse loss and the tanh activation.</source>
        <translation>책의 모델이나 이 장에서 제안하는 실험 중 하나에서 시작합니다.
책은 3.4절 끝에서 은닉층 1개나 3개, 유닛 32개나 64개,
mse 손실, tanh 활성화 함수를 시도해 보라고 제안합니다.</translation>
    </message>
    <message>
        <source>Number of Dense hidden layers. The book uses two; it suggests trying one or
three and watching how validation and test accuracy change.</source>
        <translation>Dense 은닉층의 수. 책은 2개를 씁니다. 1개나 3개로 바꿔 보고
검증 정확도와 테스트 정확도가 어떻게 달라지는지 보라고 제안합니다.</translation>
    </message>
    <message>
        <source>Units per hidden layer (the dimensionality of the representation). The book
uses 16; more units let the model learn more complex representations but
make it more expensive and more prone to overfitting.</source>
        <translation>은닉층마다의 은닉 유닛 수(표현 공간의 차원). 책은 16을 씁니다.
유닛이 많으면 더 복잡한 표현을 배울 수 있지만 계산 비용이 커지고
과대적합되기 쉽습니다.</translation>
    </message>
    <message>
        <source>Hidden-layer activation. The book uses relu (zero out negatives); tanh was
popular in the early days of neural networks. The output layer is always
a sigmoid that gives a probability.</source>
        <translation>은닉층의 활성화 함수. 책은 relu(음수를 0으로)를 씁니다. tanh는
신경망 초기에 많이 쓰였습니다. 출력층은 항상 확률을 내는
시그모이드입니다.</translation>
    </message>
    <message>
        <source>binary_crossentropy is the best choice for a model that outputs probabilities
(the book&apos;s choice); mse is the chapter&apos;s suggested alternative.</source>
        <translation>확률을 출력하는 모델에는 binary_crossentropy가 가장 좋은 손실 함수입니다
(책의 선택). mse는 이 장에서 제안하는 대안입니다.</translation>
    </message>
    <message>
        <source>The book compiles with rmsprop, a good default for almost any problem.</source>
        <translation>책은 거의 모든 문제에 무난한 기본값인 rmsprop 옵티마이저로 컴파일합니다.</translation>
    </message>
    <message>
        <source>Step size of the optimizer; 0.001 is rmsprop&apos;s default in the book.</source>
        <translation>옵티마이저의 보폭(학습률). 책에서 쓰는 rmsprop의 기본값은 0.001입니다.</translation>
    </message>
    <message>
        <source>Passes over the training reviews. The book trains 20 epochs, sees the
validation loss bottom out around epoch 4 and retrains from scratch for 4.</source>
        <translation>훈련 리뷰 전체를 도는 횟수. 책은 20 에포크 훈련하고, 검증 손실이
에포크 4 근처에서 가장 낮은 것을 본 뒤 처음부터 4 에포크 재훈련합니다.</translation>
    </message>
    <message>
        <source>Reviews per gradient update; the book uses mini-batches of 512.</source>
        <translation>그레이디언트 업데이트 한 번에 쓰는 리뷰 수. 책은 512개짜리 미니 배치를 씁니다.</translation>
    </message>
    <message>
        <source>Training reviews set apart to monitor the model on data it never trained
on. The book holds out 10,000 of the 25,000 training reviews.</source>
        <translation>훈련에 쓰지 않은 데이터로 모델을 지켜보려고 떼어 둔 훈련 리뷰.
책은 훈련 리뷰 25,000개 중 10,000개를 검증용으로 떼어 둡니다.</translation>
    </message>
    <message>
        <source>Keep only the N most frequent words of the training reviews; the book uses
10,000 so the multi-hot vectors stay a manageable size. Changing it re-indexes
the dataset before training.</source>
        <translation>훈련 리뷰에서 가장 자주 나오는 단어 N개만 남깁니다. 책은 멀티-핫 벡터가
다룰 만한 크기가 되도록 10,000을 씁니다. 바꾸면 훈련 전에 데이터셋의
인덱스를 다시 만듭니다.</translation>
    </message>
    <message>
        <source>Random seed for weight initialisation and shuffling, so runs can be repeated.</source>
        <translation>가중치 초기화와 셔플에 쓰는 난수 시드. 같은 실행을 다시 재현할 수 있습니다.</translation>
    </message>
    <message>
        <source>Stop when the validation loss has not improved for this many epochs and
keep the best weights (Keras EarlyStopping). The book instead reads the best
epoch off the plot and retrains; 0 turns it off.</source>
        <translation>검증 손실이 이만큼의 에포크 동안 나아지지 않으면 멈추고 가장 좋은 가중치를
남깁니다(Keras EarlyStopping). 책은 대신 그래프에서 최적 에포크를 읽고
재훈련합니다. 0이면 끕니다.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <source>Units per layer</source>
        <translation>층별 은닉 유닛</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Vocabulary (words)</source>
        <translation>어휘 (단어 수)</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Validation reviews</source>
        <translation>검증 리뷰</translation>
    </message>
    <message>
        <source>Early stopping (patience)</source>
        <translation>조기 종료 (인내)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>None</source>
        <comment>no validation reviews</comment>
        <translation>없음</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>early stopping</comment>
        <translation>끔</translation>
    </message>
    <message>
        <source>The model Keras will build, as model.summary() prints it.</source>
        <translation>Keras가 만들 모델을 model.summary() 출력처럼 보여 줍니다.</translation>
    </message>
    <message>
        <source>Model summary</source>
        <translation>모델 요약</translation>
    </message>
    <message>
        <source>Show the Keras code</source>
        <translation>Keras 코드 보기</translation>
    </message>
    <message>
        <source>These settings as a standalone Keras script in the book&apos;s style, to read, copy or save and run.</source>
        <translation>이 설정을 책의 스타일로 쓴 독립 Keras 스크립트로 보여 줍니다. 읽고, 복사하거나 저장해 실행할 수 있습니다.</translation>
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
<context>
    <name>TrainTab</name>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Your reviews:&lt;/b&gt; {name} ({split})&lt;br&gt;&lt;b&gt;Labels:&lt;/b&gt; {labels}</source>
        <translation>&lt;br&gt;&lt;b&gt;내 리뷰:&lt;/b&gt; {name} ({split})&lt;br&gt;&lt;b&gt;레이블:&lt;/b&gt; {labels}</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Skipped:&lt;/b&gt; {skipped}</source>
        <translation>&lt;br&gt;&lt;b&gt;건너뜀:&lt;/b&gt; {skipped}</translation>
    </message>
    <message>
        <source>Looking for the dataset...</source>
        <translation>데이터셋을 찾는 중...</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Change dataset...</source>
        <translation>데이터셋 바꾸기...</translation>
    </message>
    <message>
        <source>Choose the dataset: the Stanford archive (or its aclImdb folder), or the book&apos;s own copy, keras.datasets.imdb.</source>
        <translation>데이터셋을 고릅니다: 스탠퍼드 압축 파일(또는 aclImdb 폴더)이나 책이 쓰는 keras.datasets.imdb.</translation>
    </message>
    <message>
        <source>No dataset loaded.</source>
        <translation>불러온 데이터셋이 없습니다.</translation>
    </message>
    <message>
        <source>No dataset found.</source>
        <translation>데이터셋을 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Source:&lt;/b&gt; {source}&lt;br&gt;&lt;b&gt;Reviews:&lt;/b&gt; {train} train, {test} test&lt;br&gt;&lt;b&gt;Vocabulary:&lt;/b&gt; {words} words (top {top})</source>
        <translation>&lt;b&gt;출처:&lt;/b&gt; {source}&lt;br&gt;&lt;b&gt;리뷰:&lt;/b&gt; 훈련 {train}개, 테스트 {test}개&lt;br&gt;&lt;b&gt;어휘:&lt;/b&gt; 단어 {words}개 (상위 {top}개)</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>알 수 없는 출처</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Note:&lt;/b&gt; {note}</source>
        <translation>&lt;br&gt;&lt;b&gt;참고:&lt;/b&gt; {note}</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>End training after the current batch, keeping the model and history (Esc).</source>
        <translation>현재 배치가 끝나면 훈련을 멈추고 모델과 기록을 남깁니다 (Esc).</translation>
    </message>
    <message>
        <source>What the model learned</source>
        <translation>모델이 배운 것</translation>
    </message>
    <message>
        <source>Epoch scrubber</source>
        <translation>에포크 스크러버</translation>
    </message>
    <message>
        <source>As the book does: train a fresh model for the epoch count with the lowest
validation loss on all 25,000 training reviews, then evaluate on the test set.</source>
        <translation>책처럼: 검증 손실이 가장 낮았던 에포크 수만큼 훈련 리뷰 25,000개 전체로
새 모델을 훈련한 뒤 테스트 세트로 평가합니다.</translation>
    </message>
    <message numerus="yes">
        <source>Retrain best so far (%n epoch(s)) and test</source>
        <translation>
            <numerusform>지금까지의 최적(%n 에포크)으로 재훈련 후 테스트</numerusform>
        </translation>
    </message>
    <message>
        <source>Training was stopped before the end, so the epoch with the lowest validation
loss may not be known yet: epoch {best} is only the best so far. Train the
full run to find it, or retrain this many epochs on all 25,000 training
reviews and evaluate on the test set.</source>
        <translation>훈련이 끝나기 전에 멈췄으므로 검증 손실이 가장 낮은 에포크를 아직 모를 수
있습니다. 에포크 {best}는 지금까지의 최적일 뿐입니다. 끝까지 훈련해 찾거나,
이 에포크 수만큼 훈련 리뷰 25,000개 전체로 재훈련한 뒤
테스트 세트로 평가하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Retrain best %n epoch(s) and test</source>
        <translation>
            <numerusform>최적 %n 에포크로 재훈련 후 테스트</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrain best N and test</source>
        <translation>최적 N 에포크로 재훈련 후 테스트</translation>
    </message>
    <message>
        <source>TensorFlow is still loading...</source>
        <translation>TensorFlow를 아직 불러오는 중...</translation>
    </message>
    <message>
        <source>Train a fresh model with these settings (Ctrl+Enter).</source>
        <translation>이 설정으로 새 모델을 훈련합니다 (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} 저장함</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>기록 내보내기</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Training will start when TensorFlow and the dataset are ready.</source>
        <translation>TensorFlow와 데이터셋이 준비되면 훈련을 시작합니다.</translation>
    </message>
    <message>
        <source>This run used a {words}-word vocabulary: set Vocabulary to {words} and train it again to retrain it.</source>
        <translation>이 실행은 단어 {words}개짜리 어휘를 썼습니다. 재훈련하려면 어휘를 {words}(으)로 맞추고 다시 훈련하세요.</translation>
    </message>
    <message>
        <source>Training {model}: building the model...</source>
        <translation>{model} 훈련: 모델을 만드는 중...</translation>
    </message>
    <message>
        <source>Stopping after the current batch...</source>
        <translation>현재 배치가 끝나면 멈춥니다...</translation>
    </message>
    <message>
        <source>Lowest validation loss so far at epoch {best}; a longer run might find a later one.</source>
        <translation>지금까지 검증 손실은 에포크 {best}에서 가장 낮았습니다. 더 길게 실행하면 더 뒤에서 찾을 수도 있습니다.</translation>
    </message>
    <message>
        <source>Lowest validation loss at epoch {best}.</source>
        <translation>검증 손실은 에포크 {best}에서 가장 낮았습니다.</translation>
    </message>
    <message>
        <source>Retraining: epoch {epoch} done, loss {loss}, accuracy {accuracy}</source>
        <translation>재훈련: 에포크 {epoch} 완료, 손실 {loss}, 정확도 {accuracy}</translation>
    </message>
    <message>
        <source>Epoch {epoch}: loss {loss}, accuracy {accuracy}, val_loss {val_loss}, val_accuracy {val_accuracy}</source>
        <translation>에포크 {epoch}: 손실 {loss}, 정확도 {accuracy}, 검증 손실 {val_loss}, 검증 정확도 {val_accuracy}</translation>
    </message>
    <message>
        <source>Epoch {epoch}: loss {loss}, accuracy {accuracy}</source>
        <translation>에포크 {epoch}: 손실 {loss}, 정확도 {accuracy}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>훈련에 실패했습니다.</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Training was cancelled.</source>
        <translation>훈련이 취소되었습니다.</translation>
    </message>
    <message>
        <source>Did not complete</source>
        <translation>완료되지 않음</translation>
    </message>
    <message>
        <source>Training did not complete.</source>
        <translation>훈련이 완료되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Training was cancelled.</source>
        <translation>훈련이 취소되었습니다.</translation>
    </message>
</context>
</TS>
